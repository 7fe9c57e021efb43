package io.pbxctl.daemon.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every free-text field that ends up in an Asterisk configuration file refuses what could end a
 * line, open a section, start a comment, expand a variable or break a quoted caller ID, and
 * stores nothing when it does; real Vietnamese and Polish names pass and come back unchanged.
 */
class InjectionTests extends ApiTestSupport {

    /** A field that may reach an Asterisk file: where it is sent, the JSON name, the table and column it lands in. */
    enum TextField {
        TENANT_NAME("tenant", "name", "tenant", "name", "SafeText"),
        DEPARTMENT_NAME("departments", "name", "department", "name", "SafeText"),
        USER_NAME("users", "name", "pbx_user", "name", "SafeText"),
        USER_DESCRIPTION("users", "description", "pbx_user", "description", "SafeText"),
        DEVICE_DESCRIPTION("devices", "description", "device", "description", "SafeText"),
        ACCOUNT_CODE_LABEL("account-codes", "label", "account_code", "label", "SafeText"),
        TRUNK_NAME("trunks", "name", "trunk", "name", "Pattern"),
        OUTBOUND_GROUP_NAME("outbound-groups", "name", "outbound_group", "name", "SafeText"),
        OUTBOUND_GROUP_CALLER_ID_NAME("outbound-groups", "callerIdName", "outbound_group", "caller_id_name", "SafeText"),
        CONFERENCE_ROOM_DESCRIPTION("conference-rooms", "description", "conference_room", "description", "SafeText"),
        INBOUND_NUMBER_DESCRIPTION("inbound-numbers", "description", "inbound_number", "description", "SafeText"),
        PREFIX_DESCRIPTION("prefixes", "description", "tenant_prefix", "description", "SafeText");

        final String resource;
        final String field;
        final String table;
        final String column;
        final String rule;

        TextField(String resource, String field, String table, String column, String rule) {
            this.resource = resource;
            this.field = field;
            this.table = table;
            this.column = column;
            this.rule = rule;
        }
    }

    /** Characters that would break an Asterisk configuration line or a dialplan expression, and a directive. */
    static final List<String> PAYLOADS = List.of("\n", "\r", ";", "[", "]", "${", "\"", "\u2028", "\u0000", "#include ");

    static final List<String> REAL_NAMES = List.of("Nguyễn Thị Hồng Nhung", "Łukasz Żółć-Brzęczyszczykiewicz");

    static Stream<Arguments> fieldsAndPayloads() {
        List<Arguments> cases = new ArrayList<>();
        for (TextField field : TextField.values()) {
            for (String payload : PAYLOADS) {
                cases.add(Arguments.of(field, payload));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> freeTextFieldsAndNames() {
        List<Arguments> cases = new ArrayList<>();
        for (TextField field : TextField.values()) {
            if (field == TextField.TRUNK_NAME) {
                continue; // an ASCII identifier by design (it names an Asterisk object), not free text
            }
            for (String name : REAL_NAMES) {
                cases.add(Arguments.of(field, name));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("fieldsAndPayloads")
    void dangerousCharactersAreRefusedNamingTheFieldAndNothingIsStored(TextField field, String payload) {
        TenantFixture t = newTenant();
        String value = "Sales" + payload + "x";
        Map<String, Object> body = validBody(t, field, value);
        long before = count(t, field);

        Api.Response refused = post(t, field, body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.errorFields()).as(refused.toString()).containsExactly(field.field);
        assertThat(refused.body().get("errors").get(0).get("rule").asText()).isEqualTo(field.rule);
        assertThat(count(t, field)).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("freeTextFieldsAndNames")
    void vietnameseAndPolishNamesAreAcceptedAndRoundTripExactly(TextField field, String name) {
        TenantFixture t = newTenant();
        Map<String, Object> body = validBody(t, field, name);

        Api.Response created = post(t, field, body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().get(field.field).asText()).isEqualTo(name);
        String readPath = field == TextField.TENANT_NAME ? "/api/v1/tenants/" + created.id() : t.path(field.resource + "/" + created.id());
        Api.Response read = operator.get(readPath);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.body().get(field.field).asText()).isEqualTo(name);
        String stored = jdbc.sql("SELECT " + field.column + " FROM " + field.table + " WHERE id = ?")
                .param(created.id()).query(String.class).single();
        assertThat(stored).isEqualTo(name);
    }

    /** Tenants and inbound numbers are created by the operator, everything else by the tenant's admin. */
    private Api.Response post(TenantFixture t, TextField field, Map<String, Object> body) {
        return switch (field) {
            case TENANT_NAME -> operator.post("/api/v1/tenants", body);
            case INBOUND_NUMBER_DESCRIPTION -> operator.post(t.path(field.resource), body);
            default -> t.admin().post(t.path(field.resource), body);
        };
    }

    private long count(TenantFixture t, TextField field) {
        if (field == TextField.TENANT_NAME) {
            return jdbc.sql("SELECT COUNT(*) FROM tenant").query(Long.class).single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM " + field.table + " WHERE tenant_id = ?").param(t.id()).query(Long.class).single();
    }

    /** A request that the API accepts, except for the value of the one field under test. */
    private Map<String, Object> validBody(TenantFixture t, TextField field, String value) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (field) {
            case TENANT_NAME -> {
                body.put("slug", "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
                body.put("country", "VN");
                body.put("areaCode", "024");
            }
            case DEPARTMENT_NAME, USER_NAME -> {
                // the field under test is the only one required
            }
            case USER_DESCRIPTION -> body.put("name", "Trần Văn An");
            case DEVICE_DESCRIPTION -> {
                body.put("userId", t.adminUserId());
                body.put("sipUsername", "d" + t.slug());
            }
            case ACCOUNT_CODE_LABEL -> body.put("userId", t.adminUserId());
            case TRUNK_NAME -> body.put("host", "sip.carrier.example");
            case OUTBOUND_GROUP_NAME -> body.put("trunkIds", List.of());
            case OUTBOUND_GROUP_CALLER_ID_NAME -> {
                body.put("name", "Hà Nội office");
                body.put("trunkIds", List.of());
            }
            case CONFERENCE_ROOM_DESCRIPTION -> body.put("number", "7001");
            case INBOUND_NUMBER_DESCRIPTION -> {
                t.create("extensions", Map.of("userId", t.adminUserId(), "number", "100"));
                body.put("number", "2437" + String.format("%07d", t.id()));
                body.put("destination", Map.of("type", "EXTENSION", "number", "100"));
            }
            case PREFIX_DESCRIPTION -> {
                body.put("prefix", "0999");
                body.put("direction", "SPECIAL");
            }
        }
        body.put(field.field, value);
        return body;
    }
}
