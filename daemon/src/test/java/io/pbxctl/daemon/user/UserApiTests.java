package io.pbxctl.daemon.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserApiTests extends ApiTestSupport {

    @Test
    void userCreatedWithOnlyANameGetsTheDocumentedDefaults() {
        TenantFixture t = newTenant("PL");
        Api.Response created = t.admin().post(t.path("users"), Map.of("name", "Jan Kowalski"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        JsonNode user = t.admin().get(t.path("users/" + created.id())).body();
        assertThat(user.get("name").asText()).isEqualTo("Jan Kowalski");
        assertThat(user.get("callClass").asText()).isEqualTo("NATIONAL");
        assertThat(user.get("outboundEnabled").asBoolean()).isTrue();
        assertThat(user.get("callWaiting").asBoolean()).isTrue();
        assertThat(user.get("autoAnswer").asBoolean()).isFalse();
        assertThat(user.get("needsAccountCode").asBoolean()).isFalse();
        assertThat(user.get("recordingMode").asText()).isEqualTo("OFF");
        assertThat(user.get("language").asText()).isEqualTo("pl");
        assertThat(user.get("closedDirections")).isEmpty();
        assertThat(user.get("quota").get("monthlyMinutes").isNull()).isTrue();
        assertThat(user.get("quota").get("remainingSeconds").isNull()).isTrue();
        assertThat(user.get("supervisorId").isNull()).isTrue();
        assertThat(user.get("outboundGroupId").isNull()).isTrue();
        assertThat(user.get("departmentId").isNull()).isTrue();
        assertThat(user.get("webLogin").isNull()).isTrue();
    }

    @Test
    void everyPerUserFieldRoundTripsThroughCreateAndRead() {
        TenantFixture t = newTenant();
        Map<String, Object> body = fullUser(t, "Nguyễn Văn An", "an");

        Api.Response created = t.admin().post(t.path("users"), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertMatches(created.body(), body);
        assertMatches(t.admin().get(t.path("users/" + created.id())).body(), body);
    }

    @Test
    void everyPerUserFieldIsReplacedByUpdate() {
        TenantFixture t = newTenant();
        long id = t.create("users", fullUser(t, "Nguyễn Văn An", "an"));
        long otherSupervisor = t.create("users", Map.of("name", "Trần Thị Bích"));
        long otherDepartment = t.create("departments", Map.of("name", "Kỹ thuật"));
        long otherGroup = t.create("outbound-groups", Map.of("name", "Di động", "trunkIds", List.of()));
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("name", "Nguyễn Văn Anh");
        changed.put("departmentId", otherDepartment);
        changed.put("email", "anh@example.vn");
        changed.put("language", "pl");
        changed.put("description", "Trưởng phòng kỹ thuật");
        changed.put("realNumber", "02438250000");
        changed.put("callClass", "LOCAL");
        changed.put("closedDirections", List.of("LONG_DISTANCE"));
        changed.put("outboundEnabled", true);
        changed.put("needsAccountCode", false);
        changed.put("monthlyQuotaMinutes", 45);
        changed.put("autoAnswer", false);
        changed.put("callWaiting", true);
        changed.put("recordingMode", "INBOUND");
        changed.put("recordingEmail", "recordings@example.vn");
        changed.put("supervisorId", otherSupervisor);
        changed.put("outboundGroupId", otherGroup);

        Api.Response updated = t.admin().put(t.path("users/" + id), changed);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertMatches(updated.body(), changed);
        assertMatches(t.admin().get(t.path("users/" + id)).body(), changed);
    }

    @Test
    void updateWithOnlyANameReplacesTheWholeUserWithDefaults() {
        TenantFixture t = newTenant();
        long id = t.create("users", fullUser(t, "Nguyễn Văn An", "an"));

        Api.Response updated = t.admin().put(t.path("users/" + id), Map.of("name", "Nguyễn Văn An"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

        JsonNode user = t.admin().get(t.path("users/" + id)).body();
        assertThat(user.get("callClass").asText()).isEqualTo("NATIONAL");
        assertThat(user.get("closedDirections")).isEmpty();
        assertThat(user.get("outboundEnabled").asBoolean()).isTrue();
        assertThat(user.get("needsAccountCode").asBoolean()).isFalse();
        assertThat(user.get("quota").get("monthlyMinutes").isNull()).isTrue();
        assertThat(user.get("recordingMode").asText()).isEqualTo("OFF");
        assertThat(user.get("language").asText()).isEqualTo("vi");
        assertThat(user.get("supervisorId").isNull()).isTrue();
        assertThat(user.get("departmentId").isNull()).isTrue();
        assertThat(user.get("outboundGroupId").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EMERGENCY", "INTERNAL"})
    void emergencyAndInternalCannotBeClosed(String direction) {
        TenantFixture t = newTenant();
        long users = count(t);

        Api.Response refused = t.admin().post(t.path("users"),
                Map.of("name", "Lê Văn Cường", "closedDirections", List.of("MOBILE", direction)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("closedDirections");
        assertThat(count(t)).isEqualTo(users);
    }

    @Test
    void userCannotBeTheirOwnSupervisor() {
        TenantFixture t = newTenant();
        long id = t.create("users", Map.of("name", "Phạm Thị Dung"));

        Api.Response refused = t.admin().put(t.path("users/" + id), Map.of("name", "Phạm Thị Dung", "supervisorId", id));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("supervisorId");
        assertThat(t.admin().get(t.path("users/" + id)).body().get("supervisorId").isNull()).isTrue();
    }

    @Test
    void negativeMonthlyQuotaIsRefused() {
        TenantFixture t = newTenant();
        long users = count(t);

        Api.Response refused = t.admin().post(t.path("users"), Map.of("name", "Hoàng Văn Em", "monthlyQuotaMinutes", -1));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("monthlyQuotaMinutes");
        assertThat(count(t)).isEqualTo(users);
    }

    @Test
    void listIsPaged() {
        TenantFixture t = newTenant();
        staff(t);

        Api.Response first = t.admin().get(t.path("users?size=2"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.body().get("totalItems").asLong()).isEqualTo(5);
        assertThat(first.body().get("totalPages").asInt()).isEqualTo(3);
        assertThat(first.body().get("size").asInt()).isEqualTo(2);
        assertThat(first.body().get("items")).hasSize(2);

        Set<Long> seen = new HashSet<>(ids(first));
        seen.addAll(ids(t.admin().get(t.path("users?size=2&page=1"))));
        Api.Response last = t.admin().get(t.path("users?size=2&page=2"));
        assertThat(last.body().get("page").asInt()).isEqualTo(2);
        assertThat(last.body().get("items")).hasSize(1);
        seen.addAll(ids(last));
        assertThat(seen).hasSize(5);
    }

    @Test
    void listSortsByNameDescending() {
        TenantFixture t = newTenant();
        staff(t);

        Api.Response sorted = t.admin().get(t.path("users?sort=name,desc"));

        assertThat(sorted.status()).as(sorted.toString()).isEqualTo(200);
        assertThat(names(sorted)).containsExactly("Em Vo", "Dung Pham", "Chi Le", "Bao Tran", "Admin of " + t.slug());
    }

    @Test
    void listFiltersByDepartment() {
        TenantFixture t = newTenant();
        Map<String, Long> staff = staff(t);

        Api.Response filtered = t.admin().get(t.path("users?sort=name,asc&departmentId=" + staff.get("sales")));

        assertThat(filtered.status()).as(filtered.toString()).isEqualTo(200);
        assertThat(names(filtered)).containsExactly("Bao Tran", "Chi Le");
        assertThat(filtered.body().get("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void listFiltersByNameContainingCaseInsensitively() {
        TenantFixture t = newTenant();
        staff(t);

        Api.Response filtered = t.admin().get(t.path("users?name=uNg"));

        assertThat(filtered.status()).as(filtered.toString()).isEqualTo(200);
        assertThat(names(filtered)).containsExactly("Dung Pham");
    }

    @Test
    void sortingByAnUnknownPropertyIsRefusedNamingSort() {
        TenantFixture t = newTenant();

        Api.Response refused = t.admin().get(t.path("users?sort=shoeSize,asc"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.errorFields()).containsExactly("sort");
    }

    @Test
    void unknownFilterIsRefused() {
        TenantFixture t = newTenant();

        Api.Response refused = t.admin().get(t.path("users?colour=blue"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("colour");
    }

    @Test
    void deletingAUserDeletesTheirExtensionsDevicesAccountCodesAndLogin() {
        TenantFixture t = newTenant();
        long user = t.create("users", Map.of("name", "Võ Thị Giang"));
        long extension = t.create("extensions", Map.of("userId", user, "number", "101"));
        long secondExtension = t.create("extensions", Map.of("userId", user, "number", "102"));
        long device = t.create("devices", Map.of("userId", user, "sipUsername", t.slug() + "-giang"));
        long code = t.create("account-codes", Map.of("userId", user));
        Api.Response login = t.admin().put(t.path("users/" + user + "/login"),
                Map.of("username", t.slug() + "-giang", "password", PASSWORD, "role", "USER"));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(rowsOf(user)).containsExactly(2L, 1L, 1L, 1L);

        Api.Response deleted = t.admin().delete(t.path("users/" + user));

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(t.admin().get(t.path("users/" + user)).status()).isEqualTo(404);
        assertThat(t.admin().get(t.path("extensions/" + extension)).status()).isEqualTo(404);
        assertThat(t.admin().get(t.path("extensions/" + secondExtension)).status()).isEqualTo(404);
        assertThat(t.admin().get(t.path("devices/" + device)).status()).isEqualTo(404);
        assertThat(t.admin().get(t.path("account-codes/" + code)).status()).isEqualTo(404);
        assertThat(rowsOf(user)).containsExactly(0L, 0L, 0L, 0L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pbx_user WHERE id = ?").param(user).query(Long.class).single()).isZero();
        // The admin's own objects are untouched.
        assertThat(t.admin().get(t.path("users/" + t.adminUserId())).status()).isEqualTo(200);
    }

    @Test
    void deletingASupervisorLeavesTheirSupervisedUsersWithoutOne() {
        TenantFixture t = newTenant();
        long supervisor = t.create("users", Map.of("name", "Đặng Văn Hải"));
        long first = t.create("users", Map.of("name", "Bùi Thị Hoa", "supervisorId", supervisor));
        long second = t.create("users", Map.of("name", "Ngô Văn Khoa", "supervisorId", supervisor, "callClass", "LOCAL"));
        long elsewhere = t.create("users", Map.of("name", "Đỗ Thị Lan", "supervisorId", t.adminUserId()));

        assertThat(t.admin().delete(t.path("users/" + supervisor)).status()).isEqualTo(204);

        JsonNode firstAfter = t.admin().get(t.path("users/" + first)).body();
        JsonNode secondAfter = t.admin().get(t.path("users/" + second)).body();
        assertThat(firstAfter.get("supervisorId").isNull()).isTrue();
        assertThat(secondAfter.get("supervisorId").isNull()).isTrue();
        assertThat(secondAfter.get("callClass").asText()).isEqualTo("LOCAL");
        assertThat(t.admin().get(t.path("users/" + elsewhere)).body().get("supervisorId").asLong()).isEqualTo(t.adminUserId());
    }

    @Test
    void userWhoseExtensionAnInboundNumberRingsCannotBeDeleted() {
        TenantFixture t = newTenant();
        long user = t.create("users", Map.of("name", "Lý Văn Minh"));
        long extension = t.create("extensions", Map.of("userId", user, "number", "105"));
        long did = assignInboundNumber(t, Map.of("number", uniqueNumber(),
                "destination", Map.of("type", "EXTENSION", "number", "105")));

        Api.Response refused = t.admin().delete(t.path("users/" + user));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().get("field").asText()).isEqualTo("destination");
        assertThat(t.admin().get(t.path("users/" + user)).status()).isEqualTo(200);
        assertThat(t.admin().get(t.path("extensions/" + extension)).status()).isEqualTo(200);
        assertThat(t.admin().get(t.path("inbound-numbers/" + did)).body().get("destination").get("number").asText()).isEqualTo("105");
    }

    @Test
    void userWhoHostsAConferenceRoomCannotBeDeleted() {
        TenantFixture t = newTenant();
        long user = t.create("users", Map.of("name", "Trịnh Văn Nam"));
        long room = t.create("conference-rooms", Map.of("number", "7001", "hostUserId", user));

        Api.Response refused = t.admin().delete(t.path("users/" + user));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body().get("field").asText()).isEqualTo("hostUserId");
        assertThat(t.admin().get(t.path("users/" + user)).status()).isEqualTo(200);
        assertThat(t.admin().get(t.path("conference-rooms/" + room)).body().get("hostUserId").asLong()).isEqualTo(user);
    }

    // ---- helpers

    /** A user body with every per-user field set away from its default, and the objects it references. */
    private static Map<String, Object> fullUser(TenantFixture t, String name, String mailbox) {
        long department = t.create("departments", Map.of("name", "Kế toán " + mailbox));
        long group = t.create("outbound-groups", Map.of("name", "Quốc tế " + mailbox, "trunkIds", List.of()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("departmentId", department);
        body.put("email", mailbox + "@example.vn");
        body.put("language", "en");
        body.put("description", "Kế toán trưởng");
        body.put("realNumber", "0912345678");
        body.put("callClass", "INTERNATIONAL");
        body.put("closedDirections", List.of("MOBILE", "SPECIAL"));
        body.put("outboundEnabled", false);
        body.put("needsAccountCode", true);
        body.put("monthlyQuotaMinutes", 120);
        body.put("autoAnswer", true);
        body.put("callWaiting", false);
        body.put("recordingMode", "ALL");
        body.put("recordingEmail", "ghi-am@example.vn");
        body.put("supervisorId", t.adminUserId());
        body.put("outboundGroupId", group);
        return body;
    }

    /** Each sent field is shown back as sent; the quota shows the minutes and, with nothing used yet, minutes * 60 left. */
    private static void assertMatches(JsonNode view, Map<String, Object> sent) {
        sent.forEach((field, value) -> {
            switch (field) {
                case "monthlyQuotaMinutes" -> {
                    int minutes = (Integer) value;
                    assertThat(view.get("quota").get("monthlyMinutes").asInt()).as("quota.monthlyMinutes").isEqualTo(minutes);
                    assertThat(view.get("quota").get("remainingSeconds").asLong()).as("quota.remainingSeconds").isEqualTo(minutes * 60L);
                }
                case "closedDirections" -> {
                    List<String> shown = new ArrayList<>();
                    view.get(field).forEach(d -> shown.add(d.asText()));
                    assertThat(shown).as(field).containsExactlyInAnyOrderElementsOf(castList(value));
                }
                default -> {
                    JsonNode shown = view.get(field);
                    assertThat(shown).as(field).isNotNull();
                    if (value instanceof Boolean b) {
                        assertThat(shown.isBoolean() && shown.asBoolean() == b).as(field + " = " + shown).isTrue();
                    } else if (value instanceof Long l) {
                        assertThat(shown.asLong()).as(field).isEqualTo(l);
                    } else {
                        assertThat(shown.asText()).as(field).isEqualTo(value.toString());
                    }
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    /** Four users besides the admin: two in "Sales", one in "Support", one without a department. */
    private static Map<String, Long> staff(TenantFixture t) {
        long sales = t.create("departments", Map.of("name", "Sales"));
        long support = t.create("departments", Map.of("name", "Support"));
        t.create("users", Map.of("name", "Chi Le", "departmentId", sales));
        t.create("users", Map.of("name", "Em Vo"));
        t.create("users", Map.of("name", "Bao Tran", "departmentId", sales));
        t.create("users", Map.of("name", "Dung Pham", "departmentId", support));
        return Map.of("sales", sales, "support", support);
    }

    private long count(TenantFixture t) {
        return operator.get(t.path("users")).body().get("totalItems").asLong();
    }

    /** The rows of a user in extension, device, account_code and web_login. */
    private List<Long> rowsOf(long userId) {
        List<Long> rows = new ArrayList<>();
        for (String table : List.of("extension", "device", "account_code", "web_login")) {
            rows.add(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?").param(userId).query(Long.class).single());
        }
        return rows;
    }

    private static List<Long> ids(Api.Response list) {
        List<Long> ids = new ArrayList<>();
        list.body().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static List<String> names(Api.Response list) {
        List<String> names = new ArrayList<>();
        list.body().get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static String uniqueNumber() {
        return "84" + ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L);
    }

    @Test
    void deletingAUserAuditsWhatGoesWithIt() {
        TenantFixture t = newTenant();
        long boss = t.create("users", Map.of("name", "Ngô Bảo Châu"));
        long staff = t.create("users", Map.of("name", "Đinh Thu Trang", "supervisorId", boss));
        long extension = t.create("extensions", Map.of("userId", boss, "number", "110"));
        long device = t.create("devices", Map.of("userId", boss, "sipUsername", t.slug() + "-chau", "kind", "SOFTPHONE"));

        assertThat(t.admin().delete(t.path("users/" + boss)).status()).isEqualTo(204);

        assertThat(audited("extension", extension)).contains("\"number\":\"110\"");
        assertThat(audited("device", device)).contains(t.slug() + "-chau");
        String released = jdbc.sql("SELECT after_json FROM audit_entry WHERE entity_type = 'user' AND action = 'UPDATE' AND entity_id = ?")
                .param(staff).query(String.class).single();
        assertThat(released).isEqualTo("{\"supervisorId\":null}");
    }

    private String audited(String type, long id) {
        return jdbc.sql("SELECT before_json FROM audit_entry WHERE entity_type = ? AND action = 'DELETE' AND entity_id = ?")
                .params(type, id).query(String.class).single();
    }
}
