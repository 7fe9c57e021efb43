package io.pbxctl.daemon.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit trail: one entry per change with before and after, secrets kept out, and who may read which part. */
class AuditLogTests extends ApiTestSupport {

    private static final String TRUNK_SECRET = "Carrier-Secret-4711";
    private static final String NEW_TRUNK_SECRET = "Carrier-Secret-0815";

    private static Api.Response entriesOf(TenantFixture t, String type, long id) {
        Api.Response entries = t.admin().get(t.path("audit?entityType=" + type + "&entityId=" + id));
        assertThat(entries.status()).as(entries.toString()).isEqualTo(200);
        return entries;
    }

    private static List<JsonNode> items(Api.Response page) {
        List<JsonNode> items = new ArrayList<>();
        page.body().get("items").forEach(items::add);
        return items;
    }

    private static void assertEntry(JsonNode entry, TenantFixture t, String action, String type, long id) {
        assertThat(entry.get("actor").asText()).isEqualTo(t.slug() + "-admin");
        assertThat(entry.get("tenantId").asLong()).isEqualTo(t.id());
        assertThat(entry.get("action").asText()).isEqualTo(action);
        assertThat(entry.get("entityType").asText()).isEqualTo(type);
        assertThat(entry.get("entityId").asLong()).isEqualTo(id);
        assertThat(entry.get("at").isTextual()).isTrue();
    }

    private static Map<String, Object> trunk(String name, String secret) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("host", "sip.carrier.example");
        body.put("registration", true);
        body.put("username", "acct-100");
        if (secret != null) {
            body.put("secret", secret);
        }
        return body;
    }

    @Test
    void creationWritesOneEntryWithAfterOnly() {
        TenantFixture t = newTenant();
        long id = t.create("departments", Map.of("name", "Kế toán"));

        List<JsonNode> entries = items(entriesOf(t, "department", id));
        assertThat(entries).hasSize(1);
        JsonNode entry = entries.get(0);
        assertEntry(entry, t, "CREATE", "department", id);
        assertThat(entry.get("before").isNull()).isTrue();
        assertThat(entry.get("after").get("id").asLong()).isEqualTo(id);
        assertThat(entry.get("after").get("name").asText()).isEqualTo("Kế toán");
    }

    @Test
    void updateWritesOneEntryWithBeforeAndAfter() {
        TenantFixture t = newTenant();
        long id = t.create("departments", Map.of("name", "Sales"));
        assertThat(t.admin().put(t.path("departments/" + id), Map.of("name", "Sales and Marketing")).status()).isEqualTo(200);

        List<JsonNode> updates = items(entriesOf(t, "department", id)).stream()
                .filter(e -> e.get("action").asText().equals("UPDATE")).toList();
        assertThat(updates).hasSize(1);
        JsonNode entry = updates.get(0);
        assertEntry(entry, t, "UPDATE", "department", id);
        assertThat(entry.get("before").get("name").asText()).isEqualTo("Sales");
        assertThat(entry.get("after").get("name").asText()).isEqualTo("Sales and Marketing");
        assertThat(entry.get("after").get("id")).isEqualTo(entry.get("before").get("id"));
    }

    @Test
    void deletionWritesOneEntryWithBeforeOnly() {
        TenantFixture t = newTenant();
        long id = t.create("departments", Map.of("name", "Short-lived"));
        assertThat(t.admin().delete(t.path("departments/" + id)).status()).isEqualTo(204);

        List<JsonNode> deletions = items(entriesOf(t, "department", id)).stream()
                .filter(e -> e.get("action").asText().equals("DELETE")).toList();
        assertThat(deletions).hasSize(1);
        JsonNode entry = deletions.get(0);
        assertEntry(entry, t, "DELETE", "department", id);
        assertThat(entry.get("before").get("name").asText()).isEqualTo("Short-lived");
        assertThat(entry.get("after").isNull()).isTrue();
    }

    @Test
    void refusedChangeWritesNoEntry() {
        TenantFixture t = newTenant();
        long id = t.create("departments", Map.of("name", "Stable"));
        assertThat(t.admin().put(t.path("departments/" + id), Map.of("name", "")).status()).isEqualTo(400);
        assertThat(items(entriesOf(t, "department", id))).extracting(e -> e.get("action").asText()).containsExactly("CREATE");
    }

    @Test
    void trunkSecretsNeverAppearInTheAuditTrail() {
        TenantFixture t = newTenant();
        long id = t.create("trunks", trunk("carrier-a", TRUNK_SECRET));
        Api.Response updated = t.admin().put(t.path("trunks/" + id), trunk("carrier-a", NEW_TRUNK_SECRET));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(t.admin().delete(t.path("trunks/" + id)).status()).isEqualTo(204);

        Api.Response entries = entriesOf(t, "trunk", id);
        assertThat(entries.body().get("totalItems").asLong()).isEqualTo(3);
        assertThat(entries.raw().body()).doesNotContain(TRUNK_SECRET).doesNotContain(NEW_TRUNK_SECRET);
        List<String> stored = jdbc.sql("SELECT CONCAT(COALESCE(before_json, ''), COALESCE(after_json, '')) FROM audit_entry "
                + "WHERE entity_type = 'trunk' AND entity_id = ?").param(id).query(String.class).list();
        assertThat(stored).hasSize(3).noneMatch(json -> json.contains(TRUNK_SECRET) || json.contains(NEW_TRUNK_SECRET));
    }

    @Test
    void tenantAdminSeesOnlyOwnTenantEntries() {
        TenantFixture a = newTenant();
        TenantFixture b = newTenant();
        a.create("departments", Map.of("name", "Mine"));
        b.create("departments", Map.of("name", "Theirs"));

        Api.Response own = a.admin().get(a.path("audit?size=500"));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        long expected = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE tenant_id = ?").param(a.id()).query(Long.class).single();
        assertThat(own.body().get("totalItems").asLong()).isEqualTo(expected).isPositive();
        assertThat(items(own)).allSatisfy(e -> assertThat(e.get("tenantId").asLong()).isEqualTo(a.id()));
    }

    @Test
    void tenantAdminCannotReadAnotherTenantsTrail() {
        TenantFixture a = newTenant();
        TenantFixture b = newTenant();
        Api.Response refused = a.admin().get(b.path("audit"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void tenantAdminCannotReadTheWholeTrail() {
        TenantFixture a = newTenant();
        Api.Response refused = a.admin().get("/api/v1/audit");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void operatorFiltersTheWholeTrailByTenant() {
        TenantFixture a = newTenant();
        TenantFixture b = newTenant();
        long department = a.create("departments", Map.of("name", "Filtered"));
        b.create("departments", Map.of("name", "Other"));

        Api.Response filtered = operator.get("/api/v1/audit?size=500&tenantId=" + a.id());
        assertThat(filtered.status()).as(filtered.toString()).isEqualTo(200);
        long expected = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE tenant_id = ?").param(a.id()).query(Long.class).single();
        assertThat(filtered.body().get("totalItems").asLong()).isEqualTo(expected);
        assertThat(items(filtered)).allSatisfy(e -> assertThat(e.get("tenantId").asLong()).isEqualTo(a.id()));
        assertThat(items(filtered)).anySatisfy(e -> {
            assertThat(e.get("entityType").asText()).isEqualTo("department");
            assertThat(e.get("entityId").asLong()).isEqualTo(department);
        });
    }

    @Test
    void entityTypeFilterKeepsOnlyThatType() {
        TenantFixture t = newTenant();
        long first = t.create("departments", Map.of("name", "One"));
        long second = t.create("departments", Map.of("name", "Two"));
        t.create("trunks", trunk("carrier-b", TRUNK_SECRET));

        Api.Response departments = t.admin().get(t.path("audit?entityType=department"));
        assertThat(departments.status()).as(departments.toString()).isEqualTo(200);
        assertThat(items(departments)).allSatisfy(e -> assertThat(e.get("entityType").asText()).isEqualTo("department"));
        assertThat(items(departments)).extracting(e -> e.get("entityId").asLong()).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void actionFilterKeepsOnlyThatAction() {
        TenantFixture t = newTenant();
        long renamed = t.create("departments", Map.of("name", "Before"));
        t.create("departments", Map.of("name", "Untouched"));
        assertThat(t.admin().put(t.path("departments/" + renamed), Map.of("name", "After")).status()).isEqualTo(200);

        Api.Response updates = t.admin().get(t.path("audit?action=UPDATE"));
        assertThat(updates.status()).as(updates.toString()).isEqualTo(200);
        assertThat(items(updates)).hasSize(1).allSatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("UPDATE");
            assertThat(e.get("entityId").asLong()).isEqualTo(renamed);
        });
    }

    @Test
    void defaultOrderIsNewestFirst() {
        TenantFixture t = newTenant();
        long id = t.create("departments", Map.of("name", "Ordered"));
        assertThat(t.admin().put(t.path("departments/" + id), Map.of("name", "Ordered again")).status()).isEqualTo(200);
        assertThat(t.admin().delete(t.path("departments/" + id)).status()).isEqualTo(204);

        List<JsonNode> all = items(t.admin().get(t.path("audit")));
        assertThat(all.get(0).get("action").asText()).isEqualTo("DELETE");
        assertThat(all).extracting(e -> e.get("id").asLong()).isSortedAccordingTo((x, y) -> Long.compare(y, x));
        assertThat(all).extracting(e -> e.get("at").asText()).isSortedAccordingTo((x, y) ->
                java.time.Instant.parse(y).compareTo(java.time.Instant.parse(x)));
        assertThat(items(entriesOf(t, "department", id))).extracting(e -> e.get("action").asText())
                .containsExactly("DELETE", "UPDATE", "CREATE");
    }
}
