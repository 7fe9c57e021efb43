package io.pbxctl.agi.script;

import static io.pbxctl.agi.script.OutboundFixtures.ACME_ROUTE;
import static io.pbxctl.agi.script.OutboundFixtures.CLOCK;
import static io.pbxctl.agi.script.OutboundFixtures.DEVICE;
import static io.pbxctl.agi.script.OutboundFixtures.DEVICE_ID;
import static io.pbxctl.agi.script.OutboundFixtures.MINIMUM;
import static io.pbxctl.agi.script.OutboundFixtures.MOBILE;
import static io.pbxctl.agi.script.OutboundFixtures.TENANT;
import static io.pbxctl.agi.script.OutboundFixtures.TENANT_ID;
import static io.pbxctl.agi.script.OutboundFixtures.allowed;
import static io.pbxctl.agi.script.OutboundFixtures.caller;
import static io.pbxctl.agi.script.OutboundFixtures.party;
import static io.pbxctl.agi.script.OutboundFixtures.refused;
import static io.pbxctl.agi.script.OutboundFixtures.rights;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.pbxctl.agi.numbering.CallClass;
import io.pbxctl.agi.policy.AccountCodeMode;
import io.pbxctl.agi.policy.QuotaState;
import io.pbxctl.agi.policy.Rights;
import io.pbxctl.agi.port.CodeOwner;
import io.pbxctl.agi.port.Route;
import java.util.List;
import java.util.Map;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/**
 * Alice (user 1, class LOCAL: no mobiles) calls a mobile from alice-desk. Codes of acme: 4711 is
 * Bob's (NATIONAL, 1,200 s left), 5555 Carol's (LOCAL), 6666 Dave's (NATIONAL, quota used up).
 * 8080 is a code of another tenant. A device is locked out at its fifth wrong code.
 */
class OutboundAccountCodeTests {

    private static final Rights LOCAL = rights(CallClass.LOCAL, QuotaState.unlimited());
    private static final Rights NATIONAL = rights(CallClass.NATIONAL, QuotaState.unlimited());
    private static final Route BOB_ROUTE = new Route(List.of("mobifone"), "02812345678", "Bob Tran");

    private final InMemoryOutboundCallers callers = new InMemoryOutboundCallers();
    private final InMemoryAccountCodes codes = new InMemoryAccountCodes(5)
            .add(TENANT_ID, "4711", new CodeOwner(party(2, rights(CallClass.NATIONAL, QuotaState.remaining(1200)), BOB_ROUTE), "Bob Tran"))
            .add(TENANT_ID, "5555", new CodeOwner(party(3, LOCAL, Route.none()), "Carol Le"))
            .add(TENANT_ID, "6666", new CodeOwner(party(4, rights(CallClass.NATIONAL, QuotaState.remaining(0)), Route.none()), "Dave"))
            .add(TENANT_ID + 1, "8080", new CodeOwner(party(9, NATIONAL, Route.none()), "Globex boss"));
    private final InMemoryQuotaLedger ledger = new InMemoryQuotaLedger().left(2, 1200).left(4, 0);
    private final OutboundScript script = new OutboundScript(callers, codes, ledger, CLOCK, MINIMUM);

    private void alice(AccountCodeMode mode, boolean needsCode, Rights rights, Route route) {
        callers.add(TENANT, DEVICE, caller(mode, needsCode, party(1, rights, route)));
    }

    private void aliceInModeAll() {
        alice(AccountCodeMode.ALL, false, LOCAL, ACME_ROUTE);
    }

    @Test
    void theRightCodeAtTheFirstPromptCallsWithItsOwnersRightsAndChargesTheOwner() throws AgiException {
        aliceInModeAll();
        AgiCall call = AgiCall.with("acme", "alice-desk", MOBILE).typing("4711");
        assertThat(call.run(script)).isEqualTo(allowed("MOBILE", MOBILE, 1_200_000, "Bob Tran"));
        assertThat(ledger.reservedFor).containsExactly(Map.entry(AgiCall.CALL_ID, 2L));
        InOrder order = inOrder(call.channel);
        order.verify(call.channel).answer();
        order.verify(call.channel).getData(AccountCodePrompt.FIRST_PROMPT, 6000, 12);
        verify(call.channel, times(1)).getData(anyString(), anyLong(), anyInt());
        assertThat(codes.failures(DEVICE_ID)).isZero();
    }

    @Test
    void aWrongCodeThenTheRightOneIsAllowedAndCountsOneFailure() throws AgiException {
        aliceInModeAll();
        AgiCall call = AgiCall.with("acme", "alice-desk", MOBILE).typing("9999", "4711");
        assertThat(call.run(script)).isEqualTo(allowed("MOBILE", MOBILE, 1_200_000, "Bob Tran"));
        InOrder order = inOrder(call.channel);
        order.verify(call.channel).getData(AccountCodePrompt.FIRST_PROMPT, 6000, 12);
        order.verify(call.channel).getData(AccountCodePrompt.RETRY_PROMPT, 6000, 12);
        assertThat(codes.failures(DEVICE_ID)).isEqualTo(1);
    }

    @Test
    void threeWrongCodesAreInvalidAndAllCounted() throws AgiException {
        aliceInModeAll();
        AgiCall call = AgiCall.with("acme", "alice-desk", MOBILE).typing("1111", "2222", "3333");
        assertThat(call.run(script)).isEqualTo(refused("ACCOUNT_CODE_INVALID", "MOBILE", MOBILE));
        assertThat(codes.failures(DEVICE_ID)).isEqualTo(3);
        assertThat(codes.lookups).containsExactly("7/1111", "7/2222", "7/3333");
        verify(call.channel, times(2)).getData(AccountCodePrompt.RETRY_PROMPT, 6000, 12);
        assertThat(ledger.reservedFor).isEmpty();
    }

    @Test
    void aCodeOfAnotherTenantOrOfTheWrongShapeIsWrong() throws AgiException {
        aliceInModeAll();
        AgiCall call = AgiCall.with("acme", "alice-desk", MOBILE).typing("8080", "12", "1234567890123");
        assertThat(call.run(script)).isEqualTo(refused("ACCOUNT_CODE_INVALID", "MOBILE", MOBILE));
        assertThat(codes.lookups).containsExactly("7/8080");
        assertThat(codes.failures(DEVICE_ID)).isEqualTo(3);
    }

    @Test
    void nothingEnteredThreeTimesInModeAllIsAccountCodeRequired() throws AgiException {
        alice(AccountCodeMode.ALL, false, NATIONAL, ACME_ROUTE);
        AgiCall call = AgiCall.with("acme", "alice-desk", MOBILE).typing("", "", "");
        assertThat(call.run(script)).isEqualTo(refused("ACCOUNT_CODE_REQUIRED", "MOBILE", MOBILE));
        verify(call.channel, times(3)).getData(AccountCodePrompt.FIRST_PROMPT, 6000, 12);
        assertThat(codes.failures(DEVICE_ID)).isZero();
    }

    @Test
    void nothingEnteredWhenTheCodeWasOnlyOfferedGivesTheOriginalReason() throws AgiException {
        alice(AccountCodeMode.RESTRICTED, false, LOCAL, ACME_ROUTE);
        AgiCall call = AgiCall.with("acme", "alice-desk", MOBILE).typing("", "", "");
        assertThat(call.run(script)).isEqualTo(refused("CLASS", "MOBILE", MOBILE));
        verify(call.channel, times(3)).getData(anyString(), anyLong(), anyInt());
    }

    @Test
    void aHangupDuringGetDataStopsPrompting() throws AgiException {
        aliceInModeAll();
        AgiCall call = AgiCall.with("acme", "alice-desk", MOBILE).typing("-1", "4711");
        assertThat(call.run(script)).isEqualTo(refused("ACCOUNT_CODE_REQUIRED", "MOBILE", MOBILE));
        verify(call.channel, times(1)).getData(anyString(), anyLong(), anyInt());

        AgiCall afterWrong = AgiCall.with("acme", "alice-desk", MOBILE).typing("1111", "-1", "4711");
        assertThat(afterWrong.run(script)).isEqualTo(refused("ACCOUNT_CODE_INVALID", "MOBILE", MOBILE));
        verify(afterWrong.channel, times(2)).getData(anyString(), anyLong(), anyInt());
    }

    @Test
    void aHangupExceptionDuringThePromptIsUnavailable() throws AgiException {
        aliceInModeAll();
        AgiCall call = AgiCall.with("acme", "alice-desk", MOBILE);
        when(call.channel.getData(anyString(), anyLong(), anyInt())).thenThrow(new AgiHangupException());
        assertThat(call.run(script)).containsExactly("PBX_REASON=UNAVAILABLE", "PBX_RESULT=REFUSED");
    }

    @Test
    void aDeviceAlreadyLockedOutIsNotEvenPrompted() throws AgiException {
        aliceInModeAll();
        codes.failedBefore(DEVICE_ID, 5);
        AgiCall call = AgiCall.with("acme", "alice-desk", MOBILE).typing("4711");
        assertThat(call.run(script)).isEqualTo(refused("ACCOUNT_CODE_LOCKED", "MOBILE", MOBILE));
        verify(call.channel, never()).answer();
        verify(call.channel, never()).getData(anyString(), anyLong(), anyInt());
        assertThat(codes.failures(DEVICE_ID)).isEqualTo(5);
    }

    @Test
    void theLockoutReachedMidPromptStopsAtOnce() throws AgiException {
        aliceInModeAll();
        codes.failedBefore(DEVICE_ID, 3);
        AgiCall call = AgiCall.with("acme", "alice-desk", MOBILE).typing("1111", "2222", "4711");
        assertThat(call.run(script)).isEqualTo(refused("ACCOUNT_CODE_LOCKED", "MOBILE", MOBILE));
        verify(call.channel, times(2)).getData(anyString(), anyLong(), anyInt());
        assertThat(codes.failures(DEVICE_ID)).isEqualTo(5);
    }

    @Test
    void aCodeWhoseOwnerLacksTheRightIsRefusedWithTheOwnersReason() throws AgiException {
        alice(AccountCodeMode.ALL, false, NATIONAL, ACME_ROUTE);
        assertThat(AgiCall.with("acme", "alice-desk", MOBILE).typing("5555").run(script))
                .isEqualTo(refused("CLASS", "MOBILE", MOBILE));
        assertThat(AgiCall.with("acme", "alice-desk", MOBILE).typing("6666").run(script))
                .isEqualTo(refused("QUOTA_EXHAUSTED", "MOBILE", MOBILE));
        assertThat(ledger.reservedFor).isEmpty();
    }

    @Test
    void inRestrictedModeACodeLiftsTheCallersExhaustedQuota() throws AgiException {
        alice(AccountCodeMode.RESTRICTED, false, rights(CallClass.NATIONAL, QuotaState.remaining(0)), ACME_ROUTE);
        assertThat(AgiCall.with("acme", "alice-desk", MOBILE).typing("4711").run(script))
                .isEqualTo(allowed("MOBILE", MOBILE, 1_200_000, "Bob Tran"));
        assertThat(ledger.reservedFor).containsExactly(Map.entry(AgiCall.CALL_ID, 2L));
    }

    @Test
    void inRestrictedModeAUserMarkedAsNeedingACodeIsAskedEvenWithTheRight() throws AgiException {
        alice(AccountCodeMode.RESTRICTED, true, NATIONAL, ACME_ROUTE);
        AgiCall call = AgiCall.with("acme", "alice-desk", MOBILE).typing("", "", "");
        assertThat(call.run(script)).isEqualTo(refused("ACCOUNT_CODE_REQUIRED", "MOBILE", MOBILE));
        verify(call.channel, times(3)).getData(AccountCodePrompt.FIRST_PROMPT, 6000, 12);
    }

    @Test
    void noPromptWhenNoCodeIsNeeded() throws AgiException {
        alice(AccountCodeMode.RESTRICTED, false, NATIONAL, ACME_ROUTE);
        AgiCall restricted = AgiCall.with("acme", "alice-desk", MOBILE);
        assertThat(restricted.run(script)).isEqualTo(allowed("MOBILE", MOBILE, 0, ""));
        verify(restricted.channel, never()).getData(anyString(), anyLong(), anyInt());

        alice(AccountCodeMode.OFF, true, LOCAL, ACME_ROUTE);
        AgiCall off = AgiCall.with("acme", "alice-desk", MOBILE);
        assertThat(off.run(script)).isEqualTo(refused("CLASS", "MOBILE", MOBILE));
        verify(off.channel, never()).getData(anyString(), anyLong(), anyInt());

        aliceInModeAll();
        AgiCall emergency = AgiCall.with("acme", "alice-desk", "113");
        assertThat(emergency.run(script)).isEqualTo(allowed("EMERGENCY", "113", 0, ""));
        verify(emergency.channel, never()).getData(anyString(), anyLong(), anyInt());
    }

    @Test
    void theCallersOwnTrunksAreUsedAndTheOwnersOnlyWhenTheCallerHasNone() throws AgiException {
        alice(AccountCodeMode.ALL, false, LOCAL, Route.none());
        assertThat(AgiCall.with("acme", "alice-desk", MOBILE).typing("4711").run(script)).containsExactly(
                "PBX_DIRECTION=MOBILE", "PBX_NUMBER=0912345678", "PBX_TRUNK_COUNT=1",
                "PBX_TRUNK_1=PJSIP/0912345678@trunk~acme~mobifone", "PBX_CALLERID_NUM=02812345678",
                "PBX_CALLERID_NAME=Bob Tran", "PBX_LIMIT_MS=1200000", "PBX_ACCOUNT_LABEL=Bob Tran", "PBX_REASON=",
                "PBX_RESULT=ALLOWED");
    }
}
