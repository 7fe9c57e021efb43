package io.pbxctl.daemon.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.agi.contract.Variables;
import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.agi.CallScenario.Person;
import io.pbxctl.daemon.agi.FakeAsterisk.Call;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbound decision over a real FastAGI socket against the running daemon and MariaDB,
 * with the tenant set up through the API.
 */
class OutboundProtocolTests extends ApiTestSupport {

    private static final AtomicLong calls = new AtomicLong();

    @Autowired
    private FastAgiServer server;

    private CallScenario scenario;

    @BeforeEach
    void tenant() {
        scenario = new CallScenario(newTenant("VN"), operator, null);
    }

    private Call dial(Person from, String number) throws IOException {
        return new FakeAsterisk(server.port()).call("outbound", callId(), scenario.tenant.slug(), from.device(), number);
    }

    static String callId() {
        return "1763800000." + calls.incrementAndGet();
    }

    @Test
    void aNationalUserReachesAMobileNumberOverBothTrunksInOrder() throws IOException {
        Person lan = scenario.person("Lan");

        Call call = dial(lan, "+84912345678");

        String slug = scenario.tenant.slug();
        assertThat(call.variables()).containsAllEntriesOf(Map.of(
                Variables.RESULT, "ALLOWED",
                Variables.REASON, "",
                Variables.DIRECTION, "MOBILE",
                Variables.NUMBER, "0912345678",
                Variables.TRUNK_COUNT, "2",
                Variables.TRUNK_PREFIX + 1, "PJSIP/0912345678@trunk~" + slug + "~carrier-a",
                Variables.TRUNK_PREFIX + 2, "PJSIP/0912345678@trunk~" + slug + "~carrier-b",
                Variables.CALLER_ID_NUMBER, "02412345678",
                Variables.CALLER_ID_NAME, "Cong ty",
                Variables.LIMIT_MS, "0"));
        assertThat(call.get(Variables.ACCOUNT_LABEL)).isEmpty();
        assertThat(call.commands()).last().asString().startsWith("SET VARIABLE \"AJ_AGISTATUS\"");
        List<String> set = call.variables().keySet().stream().toList();
        assertThat(set.get(set.size() - 2)).as("the result is set after every other variable").isEqualTo(Variables.RESULT);
    }

    @Test
    void eachRightRefusesWithItsOwnReason() throws IOException {
        assertThat(dial(scenario.person("Binh"), "0033142685300").get(Variables.REASON)).isEqualTo("CLASS");
        assertThat(dial(scenario.person("Chi", Map.of("closedDirections", List.of("MOBILE"))), "0912345678").get(Variables.REASON))
                .isEqualTo("DIRECTION_CLOSED");
        assertThat(dial(scenario.person("Dung", Map.of("outboundEnabled", false)), "0912345678").get(Variables.REASON))
                .isEqualTo("OUTBOUND_DISABLED");
        Call refused = dial(scenario.person("Giang", Map.of("monthlyQuotaMinutes", 0)), "0912345678");
        assertThat(refused.variables()).containsEntry(Variables.RESULT, "REFUSED").containsEntry(Variables.REASON, "QUOTA_EXHAUSTED")
                .containsEntry(Variables.DIRECTION, "MOBILE").containsEntry(Variables.TRUNK_COUNT, "0");
    }

    @Test
    void anInternationalUserMayCallAbroad() throws IOException {
        Call call = dial(scenario.person("Hoa", Map.of("callClass", "INTERNATIONAL")), "+33142685300");
        assertThat(call.get(Variables.RESULT)).isEqualTo("ALLOWED");
        assertThat(call.get(Variables.DIRECTION)).isEqualTo("INTERNATIONAL");
        assertThat(call.get(Variables.NUMBER)).isEqualTo("0033142685300");
    }

    @Test
    void emergencyGoesOutWhateverTheRightsAndIsNeverReserved() throws IOException {
        Person blocked = scenario.person("Khanh", Map.of("outboundEnabled", false, "monthlyQuotaMinutes", 0, "callClass", "INTERNAL"));

        Call call = dial(blocked, "113");

        assertThat(call.variables()).containsEntry(Variables.RESULT, "ALLOWED").containsEntry(Variables.DIRECTION, "EMERGENCY")
                .containsEntry(Variables.LIMIT_MS, "0").containsEntry(Variables.TRUNK_COUNT, "2");
        assertThat(reservationsOf(blocked)).isZero();
    }

    @Test
    void aQuotaLimitsTheCallToWhatIsLeft() throws IOException {
        Person minh = scenario.person("Minh", Map.of("monthlyQuotaMinutes", 10));

        Call call = dial(minh, "0912345678");

        assertThat(call.get(Variables.RESULT)).isEqualTo("ALLOWED");
        assertThat(call.get(Variables.LIMIT_MS)).isEqualTo("600000");
        assertThat(dial(minh, "0912345678").get(Variables.REASON))
                .as("the first call in progress holds all ten minutes").isEqualTo("QUOTA_EXHAUSTED");
    }

    @Test
    void withoutTrunksThereIsNoRoute() throws IOException {
        long user = scenario.tenant.create("users", Map.of("name", "Nam"));
        String device = scenario.tenant.slug() + "-nam";
        scenario.tenant.create("devices", Map.of("userId", user, "sipUsername", device));

        assertThat(dial(new Person(user, device), "0912345678").get(Variables.REASON)).isEqualTo("NO_ROUTE");
    }

    @Test
    void aDeviceIsOnlyKnownInItsOwnTenant() throws IOException {
        CallScenario other = new CallScenario(newTenant("VN"), operator, null);
        Person stranger = other.person("Phuc");

        assertThat(dial(stranger, "0912345678").get(Variables.REASON)).isEqualTo("NOT_FOUND");
        assertThat(dial(new Person(0, "no-such-device"), "0912345678").get(Variables.REASON)).isEqualTo("NOT_FOUND");
    }

    @Test
    void malformedArgumentsAreRefusedNotFailed() throws IOException {
        Person quan = scenario.person("Quan");
        FakeAsterisk asterisk = new FakeAsterisk(server.port());

        assertThat(asterisk.call("outbound", callId(), scenario.tenant.slug(), quan.device(), "0912;345").get(Variables.REASON))
                .isEqualTo("INVALID_REQUEST");
        assertThat(asterisk.call("outbound", callId(), scenario.tenant.slug(), quan.device()).get(Variables.REASON))
                .isEqualTo("INVALID_REQUEST");
        assertThat(asterisk.call("outbound", callId(), "Bad Slug", quan.device(), "0912345678").get(Variables.REASON))
                .isEqualTo("INVALID_REQUEST");
        assertThat(asterisk.call("outbound", "bad id!", scenario.tenant.slug(), quan.device(), "0912345678").get(Variables.REASON))
                .isEqualTo("INVALID_REQUEST");
        assertThat(asterisk.call("no-such-script", callId()).get(Variables.REASON)).isEqualTo("INVALID_REQUEST");
    }

    private long reservationsOf(Person person) {
        return jdbc.sql("SELECT COUNT(*) FROM quota_reservation WHERE user_id = ?").param(person.userId()).query(Long.class).single();
    }
}
