package io.pbxctl.daemon.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tenant admin of tenant A must not reach anything of tenant B: on B's paths every attempt is
 * 403, B's ids addressed through A's own paths are 404, and A's requests cannot point at B's
 * objects. After every attempt B's objects are re-read as the operator and must be unchanged.
 */
class TenantIsolationTests extends ApiTestSupport {

    /** Two fresh tenants; B (and, when asked, A) filled with one object of every kind. */
    record World(TenantFixture a, TenantFixture b, Map<String, Long> aIds, Map<String, Long> bIds, String aDid) {

        long a(String resource) {
            return aIds.get(resource);
        }

        long b(String resource) {
            return bIds.get(resource);
        }
    }

    /** One kind of tenant object and a valid replacement body for it (pointing at B's objects where it needs any). */
    record Kind(String resource, Function<World, Map<String, Object>> body) {

        @Override
        public String toString() {
            return resource;
        }
    }

    /** A request of tenant A that names an object existing only in tenant B. */
    record ForeignReference(String name, String resource, String field, Function<World, Map<String, Object>> body) {

        @Override
        public String toString() {
            return name;
        }
    }

    // B's extension and room numbers; A gets different ones so that "exists only in B" holds.
    private static final String B_EXTENSION = "201";
    private static final String B_ROOM = "8001";
    private static final String A_EXTENSION = "301";
    private static final String A_ROOM = "9001";

    static Stream<Kind> kinds() {
        return Stream.of(
                new Kind("departments", w -> Map.of("name", "Hijacked")),
                new Kind("users", w -> Map.of("name", "Hijacked", "callClass", "INTERNATIONAL")),
                new Kind("extensions", w -> Map.of("userId", w.b("users"), "number", "299")),
                new Kind("devices", w -> Map.of("userId", w.b("users"), "sipUsername", w.b().slug() + "-hijack",
                        "secret", "Hijack-Secret-2026-xyz")),
                new Kind("account-codes", w -> Map.of("userId", w.b("users"), "code", "99991111")),
                new Kind("prefixes", w -> Map.of("prefix", "1999", "direction", "INTERNATIONAL")),
                new Kind("trunks", w -> Map.of("name", "hijack-" + w.b().slug(), "host", "evil.example.com")),
                new Kind("outbound-groups", w -> Map.of("name", "Hijacked", "trunkIds", List.of())),
                new Kind("inbound-numbers", w -> Map.of("number", uniqueNumber(),
                        "destination", Map.of("type", "EXTENSION", "number", B_EXTENSION))),
                new Kind("conference-rooms", w -> Map.of("number", "8999", "pin", "0000")));
    }

    static Stream<ForeignReference> foreignReferences() {
        return Stream.of(
                new ForeignReference("user.departmentId", "users", "departmentId",
                        w -> Map.of("name", "Staff", "departmentId", w.b("departments"))),
                new ForeignReference("user.supervisorId", "users", "supervisorId",
                        w -> Map.of("name", "Staff", "supervisorId", w.b("users"))),
                new ForeignReference("user.outboundGroupId", "users", "outboundGroupId",
                        w -> Map.of("name", "Staff", "outboundGroupId", w.b("outbound-groups"))),
                new ForeignReference("extension.userId", "extensions", "userId",
                        w -> Map.of("userId", w.b("users"), "number", A_EXTENSION)),
                new ForeignReference("device.userId", "devices", "userId",
                        w -> Map.of("userId", w.b("users"), "sipUsername", w.a().slug() + "-phone")),
                new ForeignReference("accountCode.userId", "account-codes", "userId",
                        w -> Map.of("userId", w.b("users"))),
                new ForeignReference("outboundGroup.trunkIds", "outbound-groups", "trunkIds",
                        w -> Map.of("name", "Outbound", "trunkIds", List.of(w.b("trunks")))),
                new ForeignReference("conferenceRoom.hostUserId", "conference-rooms", "hostUserId",
                        w -> Map.of("number", A_ROOM, "hostUserId", w.b("users"))),
                new ForeignReference("inboundNumber.destination extension", "inbound-numbers", "destination.number",
                        w -> Map.of("number", w.aDid(), "destination", Map.of("type", "EXTENSION", "number", B_EXTENSION))),
                new ForeignReference("inboundNumber.destination room", "inbound-numbers", "destination.number",
                        w -> Map.of("number", w.aDid(), "destination", Map.of("type", "CONFERENCE", "number", B_ROOM))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void adminOfAnotherTenantIsForbiddenOnEveryPathOfTheResource(Kind kind) {
        World w = world(false);
        String resource = kind.resource();
        long bId = w.b(resource);
        JsonNode before = readAsOperator(w.b(), resource, bId);
        long bCount = countAsOperator(w.b(), resource);
        Api a = w.a().admin();
        Map<String, Object> body = kind.body().apply(w);

        assertForbidden(a.get(w.b().path(resource)));
        assertForbidden(a.get(w.b().path(resource + "?page=0&size=500&sort=id,desc")));
        assertForbidden(a.get(w.b().path(resource + "?no-such-filter=1")));
        assertForbidden(a.get(w.b().path(resource + "/" + bId)));
        assertForbidden(a.get(w.b().path(resource + "/" + (bId + 1_000_000))));
        assertForbidden(a.post(w.b().path(resource), body));
        assertForbidden(a.put(w.b().path(resource + "/" + bId), body));
        assertForbidden(a.delete(w.b().path(resource + "/" + bId)));

        assertThat(readAsOperator(w.b(), resource, bId)).isEqualTo(before);
        assertThat(countAsOperator(w.b(), resource)).isEqualTo(bCount);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void idOfAnotherTenantsObjectIsNotFoundThroughOwnTenantPath(Kind kind) {
        World w = world(false);
        String resource = kind.resource();
        long bId = w.b(resource);
        JsonNode before = readAsOperator(w.b(), resource, bId);
        Api a = w.a().admin();

        assertNotFound(a.get(w.a().path(resource + "/" + bId)));
        assertNotFound(a.put(w.a().path(resource + "/" + bId), kind.body().apply(w)));
        assertNotFound(a.delete(w.a().path(resource + "/" + bId)));
        Api.Response ownList = a.get(w.a().path(resource + "?size=500"));
        assertThat(ownList.status()).as(ownList.toString()).isEqualTo(200);
        assertThat(ids(ownList)).doesNotContain(bId);

        assertThat(readAsOperator(w.b(), resource, bId)).isEqualTo(before);
    }

    @Test
    void directoryClassifyAndAuditOfAnotherTenantAreForbidden() {
        World w = world(false);
        Api a = w.a().admin();

        assertForbidden(a.get(w.b().path("directory")));
        assertForbidden(a.get(w.b().path("directory?q=Staff")));
        assertForbidden(a.get(w.b().path("classify?number=0912345678")));
        assertForbidden(a.get(w.b().path("audit")));
        assertForbidden(a.get(w.b().path("audit?entityType=user&entityId=" + w.b("users"))));
        assertForbidden(a.get("/api/v1/audit?tenantId=" + w.b().id()));
        // The same requests on A's own tenant are allowed, so the refusals above are about the tenant.
        assertThat(a.get(w.a().path("directory")).status()).isEqualTo(200);
        assertThat(a.get(w.a().path("classify?number=0912345678")).status()).isEqualTo(200);
        assertThat(a.get(w.a().path("audit")).status()).isEqualTo(200);
    }

    @Test
    void ownDirectoryAndAuditShowNothingOfAnotherTenant() {
        World w = world(false);
        Api a = w.a().admin();
        long bUser = w.b("users");

        Api.Response directory = a.get(w.a().path("directory?size=500"));
        assertThat(directory.status()).as(directory.toString()).isEqualTo(200);
        List<Long> listed = new ArrayList<>();
        directory.body().get("items").forEach(e -> listed.add(e.get("userId").asLong()));
        assertThat(listed).containsExactly(w.a().adminUserId());
        assertThat(a.get(w.a().path("directory?extension=" + B_EXTENSION)).body().get("totalItems").asLong()).isZero();

        Api.Response audit = a.get(w.a().path("audit?size=500"));
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        assertThat(audit.body().get("items")).isNotEmpty();
        audit.body().get("items").forEach(e -> assertThat(e.get("tenantId").asLong()).isEqualTo(w.a().id()));
        assertThat(a.get(w.a().path("audit?entityType=user&entityId=" + bUser)).body().get("totalItems").asLong()).isZero();
        // The operator sees B's entry for that user, so the filter above does match something.
        assertThat(operator.get("/api/v1/audit?tenantId=" + w.b().id() + "&entityType=user&entityId=" + bUser)
                .body().get("totalItems").asLong()).isPositive();
    }

    @Test
    void webLoginsOfAnotherTenantCannotBeSetOrDeleted() {
        World w = world(false);
        Api a = w.a().admin();
        long bAdmin = w.b().adminUserId();
        long bUser = w.b("users");
        JsonNode adminBefore = readAsOperator(w.b(), "users", bAdmin);
        JsonNode userBefore = readAsOperator(w.b(), "users", bUser);
        Map<String, Object> takeover = Map.of("username", w.a().slug() + "-takeover", "password", "Takeover-Password-2026",
                "role", "TENANT_ADMIN");

        assertForbidden(a.put(w.b().path("users/" + bAdmin + "/login"), takeover));
        assertForbidden(a.put(w.b().path("users/" + bUser + "/login"), takeover));
        assertForbidden(a.delete(w.b().path("users/" + bAdmin + "/login")));
        assertNotFound(a.put(w.a().path("users/" + bAdmin + "/login"), takeover));
        assertNotFound(a.put(w.a().path("users/" + bUser + "/login"), takeover));
        assertNotFound(a.delete(w.a().path("users/" + bAdmin + "/login")));

        assertThat(readAsOperator(w.b(), "users", bAdmin)).isEqualTo(adminBefore);
        assertThat(readAsOperator(w.b(), "users", bUser)).isEqualTo(userBefore);
        assertThat(w.b().admin().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM web_login WHERE username = ?").param(w.a().slug() + "-takeover")
                .query(Long.class).single()).isZero();
    }

    @Test
    void deviceLoginDetailsOfAnotherTenantAreNotRevealed() {
        World w = world(false);
        Api a = w.a().admin();
        long bDevice = w.b("devices");
        String reveals = "/api/v1/audit?tenantId=" + w.b().id() + "&entityType=device&entityId=" + bDevice + "&action=REVEAL";

        Api.Response forbidden = a.post(w.b().path("devices/" + bDevice + "/login-details"), null);
        assertForbidden(forbidden);
        assertThat(forbidden.raw().body()).doesNotContain("password\"");
        assertNotFound(a.post(w.a().path("devices/" + bDevice + "/login-details"), null));
        assertThat(operator.get(reveals).body().get("totalItems").asLong()).isZero();

        // B's own admin may reveal them, and that reveal is what the audit query above counts.
        Api.Response own = w.b().admin().post(w.b().path("devices/" + bDevice + "/login-details"), null);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(operator.get(reveals).body().get("totalItems").asLong()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignReferences")
    void creatingWithAReferenceToAnotherTenantsObjectIsRefused(ForeignReference reference) {
        World w = world(false);
        String resource = reference.resource();
        long aCount = countAsOperator(w.a(), resource);
        long bCount = countAsOperator(w.b(), resource);

        Api.Response refused = w.a().admin().post(w.a().path(resource), reference.body().apply(w));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly(reference.field());
        assertThat(countAsOperator(w.a(), resource)).isEqualTo(aCount);
        assertThat(countAsOperator(w.b(), resource)).isEqualTo(bCount);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignReferences")
    void updatingWithAReferenceToAnotherTenantsObjectIsRefused(ForeignReference reference) {
        World w = world(true);
        String resource = reference.resource();
        long aId = w.a(resource);
        JsonNode before = readAsOperator(w.a(), resource, aId);

        Api.Response refused = w.a().admin().put(w.a().path(resource + "/" + aId), reference.body().apply(w));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly(reference.field());
        assertThat(readAsOperator(w.a(), resource, aId)).isEqualTo(before);
    }

    // ---- fixtures and helpers

    private World world(boolean populateA) {
        TenantFixture a = newTenant();
        TenantFixture b = newTenant();
        String aDid = uniqueNumber();
        Map<String, Long> bIds = populate(b, B_EXTENSION, B_ROOM, uniqueNumber());
        Map<String, Long> aIds = populateA ? populate(a, A_EXTENSION, A_ROOM, aDid) : Map.of();
        return new World(a, b, aIds, bIds, aDid);
    }

    /** One object of every kind in the tenant, each referencing the tenant's own others. */
    private Map<String, Long> populate(TenantFixture t, String extension, String room, String did) {
        Map<String, Long> ids = new LinkedHashMap<>();
        long department = t.create("departments", Map.of("name", "Sales"));
        long trunk = t.create("trunks", Map.of("name", "carrier-" + t.slug(), "host", "sip.example.net"));
        long group = t.create("outbound-groups", Map.of("name", "Outbound", "trunkIds", List.of(trunk)));
        long user = t.create("users", Map.of("name", "Staff", "departmentId", department, "supervisorId", t.adminUserId(),
                "outboundGroupId", group, "callClass", "LOCAL"));
        ids.put("departments", department);
        ids.put("trunks", trunk);
        ids.put("outbound-groups", group);
        ids.put("users", user);
        ids.put("extensions", t.create("extensions", Map.of("userId", user, "number", extension)));
        ids.put("devices", t.create("devices", Map.of("userId", user, "sipUsername", t.slug() + "-phone", "kind", "DESK_PHONE")));
        ids.put("account-codes", t.create("account-codes", Map.of("userId", user, "label", "Staff code")));
        ids.put("prefixes", t.create("prefixes", Map.of("prefix", "1900", "direction", "SPECIAL")));
        ids.put("conference-rooms", t.create("conference-rooms", Map.of("number", room, "hostUserId", user, "pin", "4321")));
        ids.put("inbound-numbers", assignInboundNumber(t, Map.of("number", did,
                "destination", Map.of("type", "EXTENSION", "number", extension))));
        return ids;
    }

    /** A public number unused on the server (inbound numbers are unique across tenants). */
    private static String uniqueNumber() {
        return "84" + ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L);
    }

    private JsonNode readAsOperator(TenantFixture t, String resource, long id) {
        Api.Response response = operator.get(t.path(resource + "/" + id));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private long countAsOperator(TenantFixture t, String resource) {
        Api.Response response = operator.get(t.path(resource));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body().get("totalItems").asLong();
    }

    private static List<Long> ids(Api.Response list) {
        List<Long> ids = new ArrayList<>();
        list.body().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static void assertForbidden(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("title").asText()).isEqualTo("Forbidden");
    }

    private static void assertNotFound(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("title").asText()).isEqualTo("Not found");
    }
}
