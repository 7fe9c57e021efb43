package io.pbxctl.daemon.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.agi.contract.Variables;
import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.agi.CallScenario.Person;
import io.pbxctl.daemon.agi.FakeAsterisk.Call;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Conference access, supervision and internal calls over a real FastAGI socket. */
class ConferenceAndInternalProtocolTests extends ApiTestSupport {

    @Autowired
    private FastAgiServer server;

    private CallScenario scenario;

    @BeforeEach
    void tenant() {
        scenario = new CallScenario(newTenant("VN"), operator, null);
    }

    private FakeAsterisk asterisk() {
        return new FakeAsterisk(server.port());
    }

    private String room(String number, Long host, LocalDateTime start, Integer minutes, String pin) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("hostUserId", host);
        body.put("startTime", start);
        body.put("durationMinutes", minutes);
        body.put("pin", pin);
        scenario.tenant.create("conference-rooms", body);
        return number;
    }

    private LocalDateTime nowInHanoi() {
        return LocalDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void theRightPinEntersAsGuestAndAWrongPinThreeTimesIsRefused() throws IOException {
        String slug = scenario.tenant.slug();
        room("7001", null, null, null, "2468");

        Call guest = asterisk().typing("1357", "2468").call("conference", OutboundProtocolTests.callId(), slug, "7001");
        assertThat(guest.variables()).containsEntry(Variables.RESULT, "ALLOWED").containsEntry(Variables.CONF_ROLE, "GUEST")
                .containsEntry(Variables.CONF_NAME, slug + "~7001").containsEntry(Variables.CONF_USER_PROFILE, "pbx-guest")
                .containsEntry(Variables.CONF_BRIDGE_PROFILE, "pbx-bridge");

        Call wrong = asterisk().typing("1111", "2222", "3333", "2468").call("conference", OutboundProtocolTests.callId(), slug, "7001");
        assertThat(wrong.variables()).containsEntry(Variables.RESULT, "REFUSED").containsEntry(Variables.REASON, "PIN_INVALID");
        assertThat(wrong.prompts()).isEqualTo(3);
    }

    @Test
    void theHostEntersFromTheirOwnPhoneWithoutThePin() throws IOException {
        Person host = scenario.person("Host");
        room("7002", host.userId(), null, null, "2468");

        Call call = asterisk().call("conference", OutboundProtocolTests.callId(), scenario.tenant.slug(), "7002", host.device());

        assertThat(call.variables()).containsEntry(Variables.RESULT, "ALLOWED").containsEntry(Variables.CONF_ROLE, "HOST")
                .containsEntry(Variables.CONF_USER_PROFILE, "pbx-host");
        assertThat(call.prompts()).isZero();
    }

    @Test
    void aScheduledRoomIsOpenOnlyInItsWindowInTheTenantsTimeZone() throws IOException {
        String slug = scenario.tenant.slug();
        room("7003", null, nowInHanoi().minusMinutes(5), 30, null);
        room("7004", null, nowInHanoi().plusMinutes(10), 30, null);
        room("7005", null, nowInHanoi().minusMinutes(40), 30, null);

        assertThat(asterisk().call("conference", OutboundProtocolTests.callId(), slug, "7003").get(Variables.RESULT)).isEqualTo("ALLOWED");
        assertThat(asterisk().call("conference", OutboundProtocolTests.callId(), slug, "7004").get(Variables.REASON)).isEqualTo("OUTSIDE_WINDOW");
        assertThat(asterisk().call("conference", OutboundProtocolTests.callId(), slug, "7005").get(Variables.REASON)).isEqualTo("OUTSIDE_WINDOW");
        assertThat(asterisk().call("conference", OutboundProtocolTests.callId(), slug, "7999").get(Variables.REASON)).isEqualTo("NOT_FOUND");
    }

    @Test
    void onlyTheSupervisorGetsTheTargetsExactChannel() throws IOException {
        Person boss = scenario.person("Boss");
        Person agent = scenario.person("Agent", Map.of("supervisorId", boss.userId()));
        Person colleague = scenario.person("Colleague");
        scenario.tenant.create("extensions", Map.of("userId", agent.userId(), "number", "201"));
        String slug = scenario.tenant.slug();
        String channels = "${CHANNELS(^PJSIP/(" + agent.device() + ")-)}";

        Call allowed = asterisk().evaluating(channels, "PJSIP/" + agent.device() + "-0000002a")
                .call("supervise", OutboundProtocolTests.callId(), slug, boss.device(), "201");
        assertThat(allowed.variables()).containsEntry(Variables.RESULT, "ALLOWED")
                .containsEntry(Variables.SPY_CHANNEL, "PJSIP/" + agent.device() + "-0000002a");

        Call notBoss = asterisk().evaluating(channels, "PJSIP/" + agent.device() + "-0000002a")
                .call("supervise", OutboundProtocolTests.callId(), slug, colleague.device(), "201");
        assertThat(notBoss.variables()).containsEntry(Variables.REASON, "NOT_SUPERVISOR").containsEntry(Variables.SPY_CHANNEL, "");

        Call idle = asterisk().call("supervise", OutboundProtocolTests.callId(), slug, boss.device(), "201");
        assertThat(idle.get(Variables.REASON)).isEqualTo("TARGET_IDLE");
    }

    @Test
    void anInternalCallGetsTheCalleesFlagsAndEveryReachableContact() throws IOException {
        long user = scenario.tenant.create("users", Map.of("name", "Callee", "callWaiting", false, "autoAnswer", true, "recordingMode", "INBOUND"));
        String desk = scenario.tenant.slug() + "-desk";
        String soft = scenario.tenant.slug() + "-soft";
        scenario.tenant.create("devices", Map.of("userId", user, "sipUsername", desk));
        scenario.tenant.create("devices", Map.of("userId", user, "sipUsername", soft, "kind", "SOFTPHONE"));
        scenario.tenant.create("extensions", Map.of("userId", user, "number", "305"));
        String contacts = "${PJSIP_DIAL_CONTACTS(" + desk + ")}&${PJSIP_DIAL_CONTACTS(" + soft + ")}";

        Call call = asterisk().evaluating(contacts, "&PJSIP/" + soft + "/sip:" + soft + "@127.0.0.1:5062")
                .call("internal", OutboundProtocolTests.callId(), scenario.tenant.slug(), "305");

        assertThat(call.variables()).containsEntry(Variables.RESULT, "ALLOWED").containsEntry(Variables.CALL_WAITING, "0")
                .containsEntry(Variables.AUTO_ANSWER, "1").containsEntry(Variables.RECORDING, "INBOUND")
                .containsEntry(Variables.CALLEE_USER_ID, String.valueOf(user))
                .containsEntry(Variables.DIAL, "PJSIP/" + soft + "/sip:" + soft + "@127.0.0.1:5062");
        assertThat(asterisk().call("internal", OutboundProtocolTests.callId(), scenario.tenant.slug(), "399").get(Variables.REASON))
                .isEqualTo("NOT_FOUND");
    }
}
