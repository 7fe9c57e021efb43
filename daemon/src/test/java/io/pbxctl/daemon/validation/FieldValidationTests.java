package io.pbxctl.daemon.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One rule per test: a refused value gets 400 naming exactly the field (and the rule), a clash
 * with stored data gets 409 naming the field, and a refused change leaves the data as it was.
 */
class FieldValidationTests extends ApiTestSupport {

    // ----- 400: one field, one rule -----

    @ParameterizedTest
    @ValueSource(strings = {"1a2", "abc", "+100", "10 0"})
    void extensionMustBeDigits(String number) {
        TenantFixture t = newTenant();
        assertRefused(t.admin().post(t.path("extensions"), Map.of("userId", t.adminUserId(), "number", number)), "number", "Pattern");
        assertThat(rows("extension", t)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "1234"})
    void extensionMustHaveTheTenantsLength(String number) {
        TenantFixture t = newTenant();
        assertThat(operator.get("/api/v1/tenants/" + t.id()).body().get("extensionLength").asInt()).isEqualTo(3);
        assertRefused(t.admin().post(t.path("extensions"), Map.of("userId", t.adminUserId(), "number", number)), "number", "Length");
        assertThat(rows("extension", t)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "1234567890123", "12a4"})
    void roomNumberMustBeFourToTwelveDigits(String number) {
        TenantFixture t = newTenant();
        assertRefused(t.admin().post(t.path("conference-rooms"), Map.of("number", number)), "number", "Pattern");
        assertThat(rows("conference_room", t)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "1234567890123", "12ab5678", "abcdefgh"})
    void accountCodeMustBeFourToTwelveDigits(String code) {
        TenantFixture t = newTenant();
        assertRefused(t.admin().post(t.path("account-codes"), Map.of("userId", t.adminUserId(), "code", code)), "code", "Pattern");
        assertThat(rows("account_code", t)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"desk phone", "Nguyễn01", "łukasz01", "ab"})
    void sipUsernameMustBeAsciiWithoutSpacesAndLongEnough(String sipUsername) {
        TenantFixture t = newTenant();
        assertRefused(t.admin().post(t.path("devices"), Map.of("userId", t.adminUserId(), "sipUsername", sipUsername)),
                "sipUsername", "Pattern");
        assertThat(rows("device", t)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "nhung@", "@example.com", "nhung@example", "nh ung@example.com", "a@b@example.com"})
    void emailMustBeAnAddress(String email) {
        TenantFixture t = newTenant();
        assertRefused(t.admin().post(t.path("users"), Map.of("name", "Hồng Nhung", "email", email)), "email", "Pattern");
        assertThat(rows("pbx_user", t)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"recordings", "rec@", "rec@example", "rec ordings@example.com"})
    void recordingEmailMustBeAnAddress(String email) {
        TenantFixture t = newTenant();
        assertRefused(t.admin().post(t.path("users"), Map.of("name", "Hồng Nhung", "recordingMode", "ALL", "recordingEmail", email)),
                "recordingEmail", "Pattern");
        assertThat(rows("pbx_user", t)).isEqualTo(1);
    }

    @Test
    void timeZoneMustBeAnIanaRegionNotAnOffset() {
        TenantFixture t = newTenant();
        Map<String, Object> body = tenantBody(t);
        body.put("timeZone", "UTC+7");
        assertRefused(t.admin().put("/api/v1/tenants/" + t.id(), body), "timeZone", "TimeZoneId");
        assertThat(operator.get("/api/v1/tenants/" + t.id()).body().get("timeZone").asText()).isEqualTo("Asia/Ho_Chi_Minh");
    }

    @ParameterizedTest
    @ValueSource(strings = {"09a", "abc", "+84", "09 1"})
    void prefixMustBeDigits(String prefix) {
        TenantFixture t = newTenant();
        assertRefused(t.admin().post(t.path("prefixes"), Map.of("prefix", prefix, "direction", "SPECIAL")), "prefix", "Pattern");
        assertThat(rows("tenant_prefix", t)).isZero();
    }

    @Test
    void quotaCannotBeNegative() {
        TenantFixture t = newTenant();
        assertRefused(t.admin().post(t.path("users"), Map.of("name", "Hồng Nhung", "monthlyQuotaMinutes", -1)), "monthlyQuotaMinutes", "Min");
        assertThat(rows("pbx_user", t)).isEqualTo(1);
    }

    @Test
    void unknownJsonPropertyIsRefusedNamingIt() {
        TenantFixture t = newTenant();
        Api.Response refused = t.admin().post(t.path("users"), Map.of("name", "Hồng Nhung", "nickname", "Nhung"));
        assertRefused(refused, "nickname", "Format");
        assertThat(error(refused).get("message").asText()).isEqualTo("is not a field of this object");
        assertThat(rows("pbx_user", t)).isEqualTo(1);
    }

    @Test
    void wrongJsonTypeIsRefusedNamingTheField() {
        TenantFixture t = newTenant();
        Api.Response refused = t.admin().post(t.path("users"), Map.of("name", "Hồng Nhung", "monthlyQuotaMinutes", "lots"));
        assertRefused(refused, "monthlyQuotaMinutes", "Format");
        assertThat(error(refused).get("message").asText()).isEqualTo("must be a number");
        assertThat(rows("pbx_user", t)).isEqualTo(1);
    }

    @Test
    void invalidEnumListsTheAllowedValuesWithoutJavaNames() {
        TenantFixture t = newTenant();
        Api.Response refused = t.admin().post(t.path("users"), Map.of("name", "Hồng Nhung", "callClass", "GALACTIC"));
        assertRefused(refused, "callClass", "Format");
        assertThat(error(refused).get("message").asText()).isEqualTo("must be one of INTERNAL, LOCAL, NATIONAL, INTERNATIONAL");
        assertThat(refused.raw().body()).doesNotContain("io.pbxctl", "CallClass", "java.", "com.fasterxml", "Exception");
        assertThat(rows("pbx_user", t)).isEqualTo(1);
    }

    @Test
    void conferenceStartTimeNeedsADuration() {
        TenantFixture t = newTenant();
        Api.Response refused = t.admin().post(t.path("conference-rooms"), Map.of("number", "7001", "startTime", "2026-12-01T09:30"));
        assertRefused(refused, "durationMinutes", "Window");
        assertThat(rows("conference_room", t)).isZero();
    }

    @Test
    void conferenceDurationNeedsAStartTime() {
        TenantFixture t = newTenant();
        Api.Response refused = t.admin().post(t.path("conference-rooms"), Map.of("number", "7001", "durationMinutes", 60));
        assertRefused(refused, "startTime", "Window");
        assertThat(rows("conference_room", t)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"Hồng Nhung\"", "{\"name\": \"Hồng Nhung\",}", "name=Nhung", "{'name': 'Nhung'}", " "})
    void malformedJsonBodyIsABadRequest(String text) {
        TenantFixture t = newTenant();
        Api.Response refused = t.admin().send("POST", t.path("users"), text);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.raw().body()).doesNotContain("io.pbxctl", "com.fasterxml", "Exception");
        assertThat(rows("pbx_user", t)).isEqualTo(1);
    }

    // ----- 409: clashes with stored data -----

    @Test
    void duplicateExtensionInATenantIsAConflict() {
        TenantFixture t = newTenant();
        t.create("extensions", Map.of("userId", t.adminUserId(), "number", "100"));
        assertConflict(t.admin().post(t.path("extensions"), Map.of("userId", t.adminUserId(), "number", "100")), "number");
        assertThat(rows("extension", t)).isEqualTo(1);
    }

    @Test
    void sameExtensionNumberInAnotherTenantIsFine() {
        TenantFixture a = newTenant();
        TenantFixture b = newTenant();
        a.create("extensions", Map.of("userId", a.adminUserId(), "number", "100"));
        Api.Response created = b.admin().post(b.path("extensions"), Map.of("userId", b.adminUserId(), "number", "100"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().get("number").asText()).isEqualTo("100");
    }

    @Test
    void duplicateRoomNumberIsAConflict() {
        TenantFixture t = newTenant();
        t.create("conference-rooms", Map.of("number", "7001"));
        assertConflict(t.admin().post(t.path("conference-rooms"), Map.of("number", "7001")), "number");
        assertThat(rows("conference_room", t)).isEqualTo(1);
    }

    @Test
    void roomNumberEqualToAnExtensionIsAConflict() {
        TenantFixture t = newTenant();
        setExtensionLength(t, 4);
        t.create("extensions", Map.of("userId", t.adminUserId(), "number", "1234"));
        assertConflict(t.admin().post(t.path("conference-rooms"), Map.of("number", "1234")), "number");
        assertThat(rows("conference_room", t)).isZero();
    }

    @Test
    void extensionEqualToARoomNumberIsAConflict() {
        TenantFixture t = newTenant();
        setExtensionLength(t, 4);
        t.create("conference-rooms", Map.of("number", "5678"));
        assertConflict(t.admin().post(t.path("extensions"), Map.of("userId", t.adminUserId(), "number", "5678")), "number");
        assertThat(rows("extension", t)).isZero();
    }

    @Test
    void inboundNumberOfAnotherTenantIsAConflict() {
        TenantFixture a = newTenant();
        TenantFixture b = newTenant();
        String did = "2437" + String.format("%07d", a.id());
        a.create("extensions", Map.of("userId", a.adminUserId(), "number", "100"));
        b.create("extensions", Map.of("userId", b.adminUserId(), "number", "100"));
        assignInboundNumber(a, did(did, "EXTENSION", "100"));
        assertConflict(operator.post(b.path("inbound-numbers"), did(did, "EXTENSION", "100")), "number");
        assertThat(rows("inbound_number", b)).isZero();
        assertThat(rows("inbound_number", a)).isEqualTo(1);
    }

    @Test
    void extensionThatAnInboundNumberRingsCannotBeDeleted() {
        TenantFixture t = newTenant();
        long extension = t.create("extensions", Map.of("userId", t.adminUserId(), "number", "100"));
        assignInboundNumber(t, did("2437" + String.format("%07d", t.id()), "EXTENSION", "100"));
        assertConflict(t.admin().delete(t.path("extensions/" + extension)), "destination");
        assertThat(t.admin().get(t.path("extensions/" + extension)).status()).isEqualTo(200);
        assertThat(rows("extension", t)).isEqualTo(1);
    }

    @Test
    void roomThatAnInboundNumberRingsCannotBeDeleted() {
        TenantFixture t = newTenant();
        long room = t.create("conference-rooms", Map.of("number", "7001"));
        assignInboundNumber(t, did("2437" + String.format("%07d", t.id()), "CONFERENCE", "7001"));
        assertConflict(t.admin().delete(t.path("conference-rooms/" + room)), "destination");
        assertThat(t.admin().get(t.path("conference-rooms/" + room)).status()).isEqualTo(200);
        assertThat(rows("conference_room", t)).isEqualTo(1);
    }

    @Test
    void departmentWithUsersCannotBeDeleted() {
        TenantFixture t = newTenant();
        long department = t.create("departments", Map.of("name", "Kế toán"));
        t.create("users", Map.of("name", "Hồng Nhung", "departmentId", department));
        assertConflict(t.admin().delete(t.path("departments/" + department)), "departmentId");
        assertThat(t.admin().get(t.path("departments/" + department)).status()).isEqualTo(200);
        assertThat(rows("department", t)).isEqualTo(1);
    }

    @Test
    void trunkUsedByAnOutboundGroupCannotBeDeleted() {
        TenantFixture t = newTenant();
        long trunk = t.create("trunks", Map.of("name", "viettel-1", "host", "sip.carrier.example"));
        long group = t.create("outbound-groups", Map.of("name", "Hà Nội", "trunkIds", List.of(trunk)));
        assertConflict(t.admin().delete(t.path("trunks/" + trunk)), "trunkIds");
        assertThat(t.admin().get(t.path("trunks/" + trunk)).status()).isEqualTo(200);
        assertThat(t.admin().get(t.path("outbound-groups/" + group)).body().get("trunkIds").get(0).asLong()).isEqualTo(trunk);
    }

    @Test
    void outboundGroupCannotListATrunkTwice() {
        TenantFixture t = newTenant();
        long first = t.create("trunks", Map.of("name", "viettel-1", "host", "sip.carrier.example"));
        long second = t.create("trunks", Map.of("name", "vnpt-1", "host", "sip2.carrier.example"));
        assertRefused(t.admin().post(t.path("outbound-groups"), Map.of("name", "Hà Nội", "trunkIds", List.of(first, second, first))),
                "trunkIds", "Distinct");
        assertThat(rows("outbound_group", t)).isZero();
    }

    // ----- helpers -----

    private static void assertRefused(Api.Response response, String field, String rule) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.errorFields()).as(response.toString()).containsExactly(field);
        assertThat(error(response).get("rule").asText()).as(response.toString()).isEqualTo(rule);
        assertThat(error(response).get("message").asText()).isNotBlank();
    }

    private static void assertConflict(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().path("field").asText()).as(response.toString()).isEqualTo(field);
        assertThat(response.body().path("detail").asText()).isNotBlank();
    }

    private static JsonNode error(Api.Response response) {
        return response.body().get("errors").get(0);
    }

    private long rows(String table, TenantFixture t) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?").param(t.id()).query(Long.class).single();
    }

    private Map<String, Object> tenantBody(TenantFixture t) {
        JsonNode current = operator.get("/api/v1/tenants/" + t.id()).body();
        Map<String, Object> body = new HashMap<>();
        body.put("slug", t.slug());
        body.put("name", current.get("name").asText());
        body.put("country", current.get("country").asText());
        body.put("areaCode", current.get("areaCode").asText());
        body.put("extensionLength", current.get("extensionLength").asInt());
        return body;
    }

    private void setExtensionLength(TenantFixture t, int length) {
        Map<String, Object> body = tenantBody(t);
        body.put("extensionLength", length);
        Api.Response updated = t.admin().put("/api/v1/tenants/" + t.id(), body);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.body().get("extensionLength").asInt()).isEqualTo(length);
    }

    private static Map<String, Object> did(String number, String type, String destination) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("destination", Map.of("type", type, "number", destination));
        return body;
    }
}
