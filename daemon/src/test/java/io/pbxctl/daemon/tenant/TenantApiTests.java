package io.pbxctl.daemon.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantApiTests extends ApiTestSupport {

    private Map<String, Object> tenant(String slug) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("name", "Công ty Ánh Dương");
        body.put("country", "VN");
        body.put("areaCode", "028");
        return body;
    }

    @Test
    void operatorCreatesTenantWithCountryDefaults() {
        Api.Response created = operator.post("/api/v1/tenants", tenant("anh-duong-" + System.nanoTime() % 100000));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().get("timeZone").asText()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(created.body().get("language").asText()).isEqualTo("vi");
        assertThat(created.body().get("accountCodeMode").asText()).isEqualTo("OFF");
        assertThat(created.body().get("extensionLength").asInt()).isEqualTo(3);
        assertThat(operator.get("/api/v1/tenants/" + created.id()).body().get("name").asText()).isEqualTo("Công ty Ánh Dương");
    }

    @Test
    void duplicateSlugIsAConflictNamingTheField() {
        String slug = "dup-" + System.nanoTime() % 100000;
        assertThat(operator.post("/api/v1/tenants", tenant(slug)).status()).isEqualTo(201);
        Api.Response again = operator.post("/api/v1/tenants", tenant(slug));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("field").asText()).isEqualTo("slug");
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void invalidFieldsAreEachNamed() {
        Map<String, Object> body = tenant("Bad Slug!");
        body.put("timeZone", "Mars/Olympus");
        body.put("language", "fr");
        body.put("extensionLength", 7);
        Api.Response refused = operator.post("/api/v1/tenants", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("extensionLength", "language", "slug", "timeZone");
    }

    @Test
    void unknownAreaCodeIsRefused() {
        Map<String, Object> body = tenant("area-" + System.nanoTime() % 100000);
        body.put("areaCode", "0200");
        Api.Response refused = operator.post("/api/v1/tenants", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("areaCode");
    }

    @Test
    void slugCannotChangeAndTenantAdminCannotMoveCountry() {
        TenantFixture t = newTenant();
        Map<String, Object> body = tenant(t.slug() + "x");
        assertThat(t.admin().put("/api/v1/tenants/" + t.id(), body).errorFields()).containsExactly("slug");
        body.put("slug", t.slug());
        body.put("country", "PL");
        body.put("areaCode", "22");
        assertThat(t.admin().put("/api/v1/tenants/" + t.id(), body).status()).isEqualTo(403);
        body.put("country", "VN");
        body.put("areaCode", "024");
        body.put("accountCodeMode", "ALL");
        Api.Response updated = t.admin().put("/api/v1/tenants/" + t.id(), body);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.body().get("accountCodeMode").asText()).isEqualTo("ALL");
    }

    @Test
    void extensionLengthCannotChangeUnderExistingExtensions() {
        TenantFixture t = newTenant();
        t.create("extensions", Map.of("userId", t.adminUserId(), "number", "100"));
        Map<String, Object> body = tenant(t.slug());
        body.put("areaCode", "024");
        body.put("extensionLength", 4);
        Api.Response refused = t.admin().put("/api/v1/tenants/" + t.id(), body);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("field").asText()).isEqualTo("extensionLength");
    }

    @Test
    void onlyOperatorsCreateAndDeleteTenantsAndAdminsSeeOnlyTheirOwn() {
        TenantFixture a = newTenant();
        TenantFixture b = newTenant();
        assertThat(a.admin().post("/api/v1/tenants", tenant("sneaky-" + System.nanoTime() % 100000)).status()).isEqualTo(403);
        assertThat(a.admin().delete("/api/v1/tenants/" + a.id()).status()).isEqualTo(403);
        assertThat(a.admin().get("/api/v1/tenants/" + b.id()).status()).isEqualTo(403);
        Api.Response list = a.admin().get("/api/v1/tenants");
        assertThat(list.body().get("totalItems").asLong()).isEqualTo(1);
        assertThat(list.body().get("items").get(0).get("id").asLong()).isEqualTo(a.id());
    }

    @Test
    void tenantWithUsersCannotBeDeletedAndAnEmptyOneCan() {
        TenantFixture t = newTenant();
        Api.Response refused = operator.delete("/api/v1/tenants/" + t.id());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(operator.delete(t.path("users/" + t.adminUserId())).status()).isEqualTo(204);
        assertThat(operator.delete("/api/v1/tenants/" + t.id()).status()).isEqualTo(204);
        assertThat(operator.get("/api/v1/tenants/" + t.id()).status()).isEqualTo(404);
    }

    @Test
    void aTenantWithRoutingAndNumbersButNoUsersIsDeletedWholeAndAudited() {
        TenantFixture t = newTenant();
        long trunk = t.create("trunks", Map.of("name", "carrier-a", "host", "sip.carrier.example"));
        t.create("outbound-groups", Map.of("name", "Default", "trunkIds", java.util.List.of(trunk)));
        t.create("conference-rooms", Map.of("number", "7001"));
        t.create("prefixes", Map.of("prefix", "1999", "direction", "SPECIAL"));
        assignInboundNumber(t, Map.of("number", "8424" + (1_000_000 + t.id()),
                "destination", Map.of("type", "CONFERENCE", "number", "7001")));
        assertThat(operator.delete(t.path("users/" + t.adminUserId())).status()).isEqualTo(204);

        Api.Response deleted = operator.delete("/api/v1/tenants/" + t.id());

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        for (String table : new String[] {"trunk", "outbound_group", "conference_room", "tenant_prefix", "inbound_number"}) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?").param(t.id()).query(Long.class).single())
                    .as(table).isZero();
        }
        String before = jdbc.sql("SELECT before_json FROM audit_entry WHERE entity_type = 'tenant' AND action = 'DELETE' AND entity_id = ?")
                .param(t.id()).query(String.class).single();
        assertThat(before).contains("\"inbound_number\":1", "\"trunk\":1", "\"conference_room\":1");
    }
}
