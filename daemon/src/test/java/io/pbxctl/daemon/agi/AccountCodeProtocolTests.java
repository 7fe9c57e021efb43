package io.pbxctl.daemon.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.agi.contract.Variables;
import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.agi.CallScenario.Person;
import io.pbxctl.daemon.agi.FakeAsterisk.Call;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Account codes typed at the script's own prompt, over a real FastAGI socket. */
class AccountCodeProtocolTests extends ApiTestSupport {

    @Autowired
    private FastAgiServer server;

    private Call dial(CallScenario scenario, Person from, String number, String... typed) throws IOException {
        return new FakeAsterisk(server.port()).typing(typed)
                .call("outbound", OutboundProtocolTests.callId(), scenario.tenant.slug(), from.device(), number);
    }

    @Test
    void inModeAllTheOwnersLabelGoesWithTheCallAndTheOwnerIsCharged() throws IOException {
        CallScenario scenario = new CallScenario(newTenant("VN"), operator, "ALL");
        Person owner = scenario.person("Owner", Map.of("monthlyQuotaMinutes", 30));
        Person caller = scenario.person("Caller");
        scenario.accountCode(owner.userId(), "482913", "Sales - Owner");

        Call call = dial(scenario, caller, "0912345678", "482913");

        assertThat(call.variables()).containsEntry(Variables.RESULT, "ALLOWED").containsEntry(Variables.ACCOUNT_LABEL, "Sales - Owner")
                .containsEntry(Variables.LIMIT_MS, "1800000");
        assertThat(call.commands()).contains("ANSWER");
        assertThat(call.commands()).noneMatch(command -> command.contains("482913"));
        assertThat(jdbc.sql("SELECT user_id FROM quota_reservation WHERE call_id = (SELECT MAX(call_id) FROM quota_reservation WHERE user_id = ?)")
                .param(owner.userId()).query(Long.class).single()).isEqualTo(owner.userId());
    }

    @Test
    void threeWrongCodesAreInvalidAndNothingTypedIsRequired() throws IOException {
        CallScenario scenario = new CallScenario(newTenant("VN"), operator, "ALL");
        Person caller = scenario.person("Caller");
        scenario.accountCode(caller.userId(), "482913", "Caller");

        Call wrong = dial(scenario, caller, "0912345678", "111111", "2222", "333333");
        assertThat(wrong.variables()).containsEntry(Variables.RESULT, "REFUSED").containsEntry(Variables.REASON, "ACCOUNT_CODE_INVALID");
        assertThat(wrong.prompts()).isEqualTo(3);

        Call silent = dial(scenario, caller, "0912345678", "", "", "");
        assertThat(silent.get(Variables.REASON)).isEqualTo("ACCOUNT_CODE_REQUIRED");

        Call secondTry = dial(scenario, caller, "0912345678", "999999", "482913");
        assertThat(secondTry.get(Variables.RESULT)).isEqualTo("ALLOWED");
        assertThat(secondTry.commands().stream().filter(c -> c.startsWith("GET DATA")).toList())
                .containsExactly("GET DATA \"agent-pass\" 6000 12", "GET DATA \"auth-incorrect\" 6000 12");
    }

    @Test
    void inRestrictedModeACodeLiftsTheCallersOwnRefusal() throws IOException {
        CallScenario scenario = new CallScenario(newTenant("VN"), operator, "RESTRICTED");
        Person boss = scenario.person("Boss", Map.of("callClass", "INTERNATIONAL"));
        Person clerk = scenario.person("Clerk");
        scenario.accountCode(boss.userId(), "7351", "Director");

        assertThat(dial(scenario, clerk, "0912345678").prompts()).as("a call the clerk may make asks nothing").isZero();
        assertThat(dial(scenario, clerk, "+33142685300", "").get(Variables.REASON))
                .as("without a code the clerk hears why the call is refused").isEqualTo("CLASS");
        Call lifted = dial(scenario, clerk, "+33142685300", "7351");
        assertThat(lifted.variables()).containsEntry(Variables.RESULT, "ALLOWED").containsEntry(Variables.ACCOUNT_LABEL, "Director");
    }

    @Test
    void aCodeWhoseOwnerLacksTheRightIsRefusedWithTheOwnersReason() throws IOException {
        CallScenario scenario = new CallScenario(newTenant("VN"), operator, "ALL");
        Person owner = scenario.person("Owner", Map.of("outboundEnabled", false));
        Person caller = scenario.person("Caller");
        scenario.accountCode(owner.userId(), "5550123", "Blocked owner");

        assertThat(dial(scenario, caller, "0912345678", "5550123").get(Variables.REASON)).isEqualTo("OUTBOUND_DISABLED");
    }

    @Test
    void fiveWrongCodesLockTheDeviceOutAndAreAudited() throws IOException {
        CallScenario scenario = new CallScenario(newTenant("VN"), operator, "ALL");
        Person caller = scenario.person("Caller");
        Person neighbour = scenario.person("Neighbour");
        scenario.accountCode(caller.userId(), "482913", "Caller");

        assertThat(dial(scenario, caller, "0912345678", "1111", "2222", "3333").get(Variables.REASON)).isEqualTo("ACCOUNT_CODE_INVALID");
        Call locking = dial(scenario, caller, "0912345678", "4444", "5555", "482913");
        assertThat(locking.get(Variables.REASON)).isEqualTo("ACCOUNT_CODE_LOCKED");
        assertThat(locking.prompts()).as("the fifth failure ends the prompting").isEqualTo(2);

        Call locked = dial(scenario, caller, "0912345678", "482913");
        assertThat(locked.get(Variables.REASON)).isEqualTo("ACCOUNT_CODE_LOCKED");
        assertThat(locked.prompts()).as("a locked device is not even asked").isZero();
        assertThat(dial(scenario, neighbour, "0912345678", "482913").get(Variables.RESULT))
                .as("the lockout is per device").isEqualTo("ALLOWED");

        long device = jdbc.sql("SELECT id FROM device WHERE sip_username = ?").param(caller.device()).query(Long.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'CODE_LOCKOUT' AND entity_id = ? AND tenant_id = ?")
                .params(device, scenario.tenant.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aLockoutEnds() throws IOException {
        CallScenario scenario = new CallScenario(newTenant("VN"), operator, "ALL");
        Person caller = scenario.person("Caller");
        scenario.accountCode(caller.userId(), "482913", "Caller");
        dial(scenario, caller, "0912345678", "1111", "2222", "3333");
        dial(scenario, caller, "0912345678", "4444", "5555");

        jdbc.sql("UPDATE account_code_lockout SET locked_until = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND").update();

        assertThat(dial(scenario, caller, "0912345678", "482913").get(Variables.RESULT)).isEqualTo("ALLOWED");
    }
}
