package io.pbxctl.daemon.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vietnam and Poland plans as seeded by the migrations, seen through the classify endpoint of
 * a VN tenant in Ha Noi (024) and a PL tenant in Warszawa (22): a number classifies the same in
 * national, +CC and 00CC form, and a tenant's own prefixes override the plan.
 */
class NumberingPlanSeedTests extends ApiTestSupport {

    /**
     * country, number in national form, expected direction, whether the number also has an
     * international (+CC / 00CC) form: subscriber numbers do, short codes only exist nationally.
     */
    static Stream<Arguments> seededNumbers() {
        return Stream.of(
                Arguments.of("VN", "0912345678", "MOBILE", true),
                Arguments.of("VN", "0321234567", "MOBILE", true),
                Arguments.of("VN", "0868123456", "MOBILE", true),
                Arguments.of("VN", "02437654321", "LOCAL", true),
                Arguments.of("VN", "02836221234", "LONG_DISTANCE", true),
                Arguments.of("VN", "113", "EMERGENCY", false),
                Arguments.of("VN", "114", "EMERGENCY", false),
                Arguments.of("VN", "115", "EMERGENCY", false),
                Arguments.of("VN", "18001234", "SPECIAL", false),
                Arguments.of("VN", "19001234", "SPECIAL", false),
                Arguments.of("VN", "0014155550123", "INTERNATIONAL", false),
                Arguments.of("VN", "+14155550123", "INTERNATIONAL", false),
                Arguments.of("PL", "112", "EMERGENCY", false),
                Arguments.of("PL", "997", "EMERGENCY", false),
                Arguments.of("PL", "998", "EMERGENCY", false),
                Arguments.of("PL", "999", "EMERGENCY", false),
                Arguments.of("PL", "501234567", "MOBILE", true),
                Arguments.of("PL", "601234567", "MOBILE", true),
                Arguments.of("PL", "791234567", "MOBILE", true),
                Arguments.of("PL", "221234567", "LOCAL", true),
                Arguments.of("PL", "123456789", "LONG_DISTANCE", true),
                Arguments.of("PL", "800123456", "SPECIAL", true),
                Arguments.of("PL", "0049301234567", "INTERNATIONAL", false),
                Arguments.of("PL", "+49301234567", "INTERNATIONAL", false));
    }

    /** Each seeded number in every form it can be dialled in, with the national form it must normalise to. */
    static Stream<Arguments> seededNumbersInEveryForm() {
        List<Arguments> cases = new ArrayList<>();
        seededNumbers().forEach(row -> {
            Object[] values = row.get();
            String country = (String) values[0];
            String national = (String) values[1];
            String direction = (String) values[2];
            boolean international = (Boolean) values[3];
            String normalised = national.startsWith("+") ? "00" + national.substring(1) : national;
            cases.add(Arguments.of(country, national, direction, normalised));
            if (international) {
                String code = country.equals("VN") ? "84" : "48";
                String subscriber = country.equals("VN") ? national.substring(1) : national;
                cases.add(Arguments.of(country, "+" + code + subscriber, direction, national));
                cases.add(Arguments.of(country, "00" + code + subscriber, direction, national));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("seededNumbersInEveryForm")
    void seededPlanClassifiesEveryFormTheSame(String country, String dialled, String direction, String normalised) {
        TenantFixture t = newTenant(country);
        Api.Response classified = classify(t, dialled);
        assertThat(classified.status()).as(classified.toString()).isEqualTo(200);
        assertThat(classified.body().get("number").asText()).isEqualTo(dialled);
        assertThat(classified.body().get("direction").asText()).as(classified.toString()).isEqualTo(direction);
        assertThat(classified.body().get("normalised").asText()).as(classified.toString()).isEqualTo(normalised);
    }

    @Test
    void tenantPrefixOverridesThePlanAtEqualLength() {
        TenantFixture t = newTenant("VN");
        assertThat(direction(t, "0912345678")).isEqualTo("MOBILE");
        t.create("prefixes", Map.of("prefix", "091", "direction", "LOCAL", "description", "Đối tác nội hạt"));
        Api.Response classified = classify(t, "0912345678");
        assertThat(classified.body().get("direction").asText()).isEqualTo("LOCAL");
        assertThat(classified.body().get("matchedPrefix").asText()).isEqualTo("091");
        assertThat(direction(t, "+84912345678")).isEqualTo("LOCAL");
        assertThat(direction(t, "0931234567")).isEqualTo("MOBILE");
    }

    @Test
    void longerTenantPrefixWinsOverAShorterPlanPrefix() {
        TenantFixture t = newTenant("VN");
        t.create("prefixes", Map.of("prefix", "09123", "direction", "SPECIAL"));
        Api.Response classified = classify(t, "0912345678");
        assertThat(classified.body().get("direction").asText()).isEqualTo("SPECIAL");
        assertThat(classified.body().get("matchedPrefix").asText()).isEqualTo("09123");
        assertThat(direction(t, "0912999999")).isEqualTo("MOBILE");
    }

    @Test
    void longerPlanPrefixWinsOverAShorterTenantPrefix() {
        TenantFixture t = newTenant("PL");
        t.create("prefixes", Map.of("prefix", "9", "direction", "SPECIAL"));
        Api.Response classified = classify(t, "997");
        assertThat(classified.body().get("direction").asText()).isEqualTo("EMERGENCY");
        assertThat(classified.body().get("matchedPrefix").asText()).isEqualTo("997");
        assertThat(direction(t, "931234567")).isEqualTo("SPECIAL");
    }

    @Test
    void tenantPrefixDoesNotChangeAnotherTenantsPlan() {
        TenantFixture a = newTenant("PL");
        TenantFixture b = newTenant("PL");
        a.create("prefixes", Map.of("prefix", "50", "direction", "INTERNATIONAL"));
        assertThat(direction(a, "501234567")).isEqualTo("INTERNATIONAL");
        assertThat(direction(b, "501234567")).isEqualTo("MOBILE");
    }

    @ParameterizedTest
    @CsvSource({"VN,12a", "PL,12a", "VN,++84912345678", "PL,48 22 123"})
    void numberWithAnythingButDigitsAndALeadingPlusIsRefused(String country, String number) {
        TenantFixture t = newTenant(country);
        Api.Response refused = classify(t, number);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("number");
    }

    @Test
    void vietnamPlanListsTheSeededPrefixes() {
        Map<String, JsonNode> plan = plan("VN");
        assertThat(plan).hasSize(countSeeded("VN"));
        assertPrefix(plan, "113", "EMERGENCY", false);
        assertPrefix(plan, "1800", "SPECIAL", false);
        assertPrefix(plan, "1900", "SPECIAL", false);
        assertPrefix(plan, "00", "INTERNATIONAL", false);
        assertPrefix(plan, "091", "MOBILE", false);
        assertPrefix(plan, "086", "MOBILE", false);
        assertPrefix(plan, "024", "LONG_DISTANCE", true);
        assertPrefix(plan, "028", "LONG_DISTANCE", true);
        assertThat(plan.get("028").get("description").asText()).isEqualTo("Area code Ho Chi Minh City");
    }

    @Test
    void polandPlanListsTheSeededPrefixes() {
        Map<String, JsonNode> plan = plan("PL");
        assertThat(plan).hasSize(countSeeded("PL"));
        assertPrefix(plan, "112", "EMERGENCY", false);
        assertPrefix(plan, "997", "EMERGENCY", false);
        assertPrefix(plan, "800", "SPECIAL", false);
        assertPrefix(plan, "00", "INTERNATIONAL", false);
        assertPrefix(plan, "50", "MOBILE", false);
        assertPrefix(plan, "79", "MOBILE", false);
        assertPrefix(plan, "22", "LONG_DISTANCE", true);
        assertPrefix(plan, "12", "LONG_DISTANCE", true);
        assertThat(plan.get("22").get("description").asText()).isEqualTo("Area code Warszawa");
    }

    @Test
    void unknownCountryPlanIsRefused() {
        Api.Response refused = operator.get("/api/v1/numbering-plans/DE");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("country");
    }

    private Api.Response classify(TenantFixture t, String number) {
        return t.admin().get(t.path("classify?number=" + URLEncoder.encode(number, StandardCharsets.UTF_8)));
    }

    private String direction(TenantFixture t, String number) {
        Api.Response classified = classify(t, number);
        assertThat(classified.status()).as(classified.toString()).isEqualTo(200);
        return classified.body().get("direction").asText();
    }

    private Map<String, JsonNode> plan(String country) {
        Api.Response response = operator.get("/api/v1/numbering-plans/" + country);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Map<String, JsonNode> byPrefix = new HashMap<>();
        response.body().forEach(row -> byPrefix.put(row.get("prefix").asText(), row));
        assertThat(byPrefix).as("prefixes are listed once").hasSize(response.body().size());
        return byPrefix;
    }

    private int countSeeded(String country) {
        return jdbc.sql("SELECT COUNT(*) FROM plan_prefix WHERE country = ?").param(country).query(Integer.class).single();
    }

    private static void assertPrefix(Map<String, JsonNode> plan, String prefix, String direction, boolean areaCode) {
        assertThat(plan).containsKey(prefix);
        assertThat(plan.get(prefix).get("direction").asText()).as(prefix).isEqualTo(direction);
        assertThat(plan.get(prefix).get("areaCode").asBoolean()).as(prefix).isEqualTo(areaCode);
    }
}
