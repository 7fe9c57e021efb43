package io.pbxctl.agi.script;

import static io.pbxctl.agi.script.OutboundFixtures.ACME_ROUTE;
import static io.pbxctl.agi.script.OutboundFixtures.CLOCK;
import static io.pbxctl.agi.script.OutboundFixtures.DEVICE;
import static io.pbxctl.agi.script.OutboundFixtures.MINIMUM;
import static io.pbxctl.agi.script.OutboundFixtures.MOBILE;
import static io.pbxctl.agi.script.OutboundFixtures.NOW;
import static io.pbxctl.agi.script.OutboundFixtures.TENANT;
import static io.pbxctl.agi.script.OutboundFixtures.allowed;
import static io.pbxctl.agi.script.OutboundFixtures.caller;
import static io.pbxctl.agi.script.OutboundFixtures.party;
import static io.pbxctl.agi.script.OutboundFixtures.refused;
import static io.pbxctl.agi.script.OutboundFixtures.refusedEarly;
import static io.pbxctl.agi.script.OutboundFixtures.rights;
import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.agi.numbering.CallClass;
import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.agi.policy.AccountCodeMode;
import io.pbxctl.agi.policy.QuotaState;
import io.pbxctl.agi.policy.Rights;
import io.pbxctl.agi.port.Route;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.asteriskjava.fastagi.AgiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The outbound script without account codes (tenant mode OFF); the code flows are in OutboundAccountCodeTests. */
class OutboundScriptTests {

    private static final Rights NATIONAL = rights(CallClass.NATIONAL, QuotaState.unlimited());

    private final InMemoryOutboundCallers callers = new InMemoryOutboundCallers();
    private final InMemoryAccountCodes codes = new InMemoryAccountCodes(5);
    private final InMemoryQuotaLedger ledger = new InMemoryQuotaLedger();
    private final OutboundScript script = new OutboundScript(callers, codes, ledger, CLOCK, MINIMUM);

    private void alice(Rights rights, Route route) {
        callers.add(TENANT, DEVICE, caller(AccountCodeMode.OFF, false, party(1, rights, route)));
    }

    @Test
    void anAllowedCallGetsTheTrunksInFailoverOrderTheCallerIdAndNoLimit() throws AgiException {
        alice(NATIONAL, ACME_ROUTE);
        assertThat(AgiCall.with("acme", "alice-desk", "0912345678").run(script)).containsExactly(
                "PBX_DIRECTION=MOBILE",
                "PBX_NUMBER=0912345678",
                "PBX_TRUNK_COUNT=2",
                "PBX_TRUNK_1=PJSIP/0912345678@trunk~acme~viettel",
                "PBX_TRUNK_2=PJSIP/0912345678@trunk~acme~vnpt",
                "PBX_CALLERID_NUM=02437654321",
                "PBX_CALLERID_NAME=Acme Hanoi",
                "PBX_LIMIT_MS=0",
                "PBX_ACCOUNT_LABEL=",
                "PBX_REASON=",
                "PBX_RESULT=ALLOWED");
        assertThat(ledger.reservedFor).containsExactly(Map.entry(AgiCall.CALL_ID, 1L));
        assertThat(callers.lookups).containsExactly("acme/alice-desk at " + NOW);
    }

    @Test
    void theNumberIsSentInItsNormalisedForm() throws AgiException {
        alice(NATIONAL, ACME_ROUTE);
        assertThat(AgiCall.with("acme", "alice-desk", "+84912345678").run(script))
                .isEqualTo(allowed("MOBILE", MOBILE, 0, ""));
        assertThat(AgiCall.with("acme", "alice-desk", "+842437654321").run(script))
                .isEqualTo(allowed("LOCAL", "02437654321", 0, ""));
    }

    @Test
    void aLimitedQuotaLimitsTheCallToWhatTheLedgerReserved() throws AgiException {
        alice(rights(CallClass.NATIONAL, QuotaState.remaining(754)), ACME_ROUTE);
        ledger.left(1, 754);
        assertThat(AgiCall.with("acme", "alice-desk", MOBILE).run(script)).isEqualTo(allowed("MOBILE", MOBILE, 754_000, ""));
        assertThat(ledger.reservedFor).containsOnlyKeys(AgiCall.CALL_ID);
    }

    @Test
    void aRouteWithOneTrunkAndNoCallerIdSetsTheCallerIdEmpty() throws AgiException {
        alice(NATIONAL, new Route(List.of("fpt"), null, null));
        assertThat(AgiCall.with("acme", "alice-desk", "19001234").run(script)).containsExactly(
                "PBX_DIRECTION=SPECIAL", "PBX_NUMBER=19001234", "PBX_TRUNK_COUNT=1", "PBX_TRUNK_1=PJSIP/19001234@trunk~acme~fpt",
                "PBX_CALLERID_NUM=", "PBX_CALLERID_NAME=", "PBX_LIMIT_MS=0", "PBX_ACCOUNT_LABEL=", "PBX_REASON=",
                "PBX_RESULT=ALLOWED");
    }

    static Stream<Object[]> refusalsOfTheCallersRights() {
        return Stream.of(
                refusal(rights(CallClass.LOCAL, QuotaState.unlimited()), MOBILE, "CLASS", "MOBILE"),
                refusal(rights(CallClass.NATIONAL, QuotaState.unlimited()), "00441632960001", "CLASS", "INTERNATIONAL"),
                refusal(rights(CallClass.INTERNATIONAL, QuotaState.unlimited(), Direction.MOBILE), MOBILE, "DIRECTION_CLOSED", "MOBILE"),
                refusal(new Rights(false, CallClass.INTERNATIONAL, EnumSet.noneOf(Direction.class), QuotaState.unlimited()),
                        "02437654321", "OUTBOUND_DISABLED", "LOCAL"),
                refusal(rights(CallClass.NATIONAL, QuotaState.remaining(MINIMUM - 1)), MOBILE, "QUOTA_EXHAUSTED", "MOBILE"));
    }

    private static Object[] refusal(Rights rights, String number, String reason, String direction) {
        return new Object[] {rights, number, reason, direction};
    }

    @ParameterizedTest(name = "{2} for {1}")
    @MethodSource("refusalsOfTheCallersRights")
    void theCallersOwnRightsRefuseWithTheirReasonAndReserveNothing(Rights rights, String number, String reason,
            String direction) throws AgiException {
        alice(rights, ACME_ROUTE);
        assertThat(AgiCall.with("acme", "alice-desk", number).run(script)).isEqualTo(refused(reason, direction, number));
        assertThat(ledger.reservedFor).isEmpty();
    }

    @Test
    void theLedgerRefusesWhenConcurrentCallsTookWhatTheSnapshotShowedAsLeft() throws AgiException {
        alice(rights(CallClass.NATIONAL, QuotaState.remaining(600)), ACME_ROUTE);
        ledger.left(1, 30);
        assertThat(AgiCall.with("acme", "alice-desk", MOBILE).run(script)).isEqualTo(refused("QUOTA_EXHAUSTED", "MOBILE", MOBILE));
        assertThat(ledger.reservedFor).isEmpty();
    }

    @Test
    void aCallerWithoutTrunksHasNoRouteAndReservesNothing() throws AgiException {
        alice(NATIONAL, Route.none());
        assertThat(AgiCall.with("acme", "alice-desk", MOBILE).run(script)).isEqualTo(refused("NO_ROUTE", "MOBILE", MOBILE));
        assertThat(ledger.reservedFor).isEmpty();
    }

    @Test
    void aNumberThePlanCannotClassifyHasNoRoute() throws AgiException {
        alice(NATIONAL, ACME_ROUTE);
        assertThat(AgiCall.with("acme", "alice-desk", "5551234").run(script)).isEqualTo(refused("NO_ROUTE", "", "5551234"));
        assertThat(ledger.reservedFor).isEmpty();
    }

    @Test
    void anUnknownDeviceOrADeviceOfAnotherTenantIsNotFound() throws AgiException {
        alice(NATIONAL, ACME_ROUTE);
        assertThat(AgiCall.with("acme", "bob-desk", MOBILE).run(script)).isEqualTo(refusedEarly("NOT_FOUND"));
        assertThat(AgiCall.with("globex", "alice-desk", MOBILE).run(script)).isEqualTo(refusedEarly("NOT_FOUND"));
        assertThat(ledger.reservedFor).isEmpty();
    }

    static Stream<List<String>> malformedArguments() {
        return Stream.of(List.of(), List.of("acme", "alice-desk"), Arrays.asList("acme", "alice-desk", null),
                List.of("acme", "alice-desk", ""), List.of("Acme", "alice-desk", MOBILE), List.of("acme;x", "alice-desk", MOBILE),
                List.of("acme", "alice desk", MOBILE), List.of("acme", "alice-desk\n", MOBILE), List.of("acme", "al", MOBILE),
                List.of("acme", "alice-desk", "0912345678\nSET VARIABLE PBX_RESULT ALLOWED"),
                List.of("acme", "alice-desk", "0912;345"), List.of("acme", "alice-desk", "09-12"),
                List.of("acme", "alice-desk", "++84912"), List.of("acme", "alice-desk", "0".repeat(33)));
    }

    @ParameterizedTest
    @MethodSource("malformedArguments")
    void malformedArgumentsAreAnInvalidRequestAndNothingIsLookedUp(List<String> arguments) throws AgiException {
        alice(NATIONAL, ACME_ROUTE);
        assertThat(AgiCall.with(arguments.toArray(String[]::new)).run(script)).isEqualTo(refusedEarly("INVALID_REQUEST"));
        assertThat(callers.lookups).isEmpty();
    }

    @Test
    void noArgumentsAtAllOrABadUniqueIdAreAnInvalidRequest() throws AgiException {
        alice(NATIONAL, ACME_ROUTE);
        assertThat(AgiCall.with((String[]) null).run(script)).isEqualTo(refusedEarly("INVALID_REQUEST"));
        assertThat(AgiCall.with("acme", "alice-desk", MOBILE).uniqueId(null).run(script)).isEqualTo(refusedEarly("INVALID_REQUEST"));
        assertThat(AgiCall.with("acme", "alice-desk", MOBILE).uniqueId("1715306400.42;x").run(script))
                .isEqualTo(refusedEarly("INVALID_REQUEST"));
        assertThat(callers.lookups).isEmpty();
    }

    @Test
    void aFailingPortRefusesAsUnavailable() throws AgiException {
        alice(NATIONAL, ACME_ROUTE);
        ledger.failWith(new IllegalStateException("ledger down"));
        assertThat(AgiCall.with("acme", "alice-desk", MOBILE).run(script)).isEqualTo(refusedEarly("UNAVAILABLE"));
        callers.failWith(new IllegalStateException("database down"));
        assertThat(AgiCall.with("acme", "alice-desk", MOBILE).run(script)).isEqualTo(refusedEarly("UNAVAILABLE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"113", "114", "115"})
    void emergencyIsAllowedWithoutRightsOrQuotaAndNeverReserved(String number) throws AgiException {
        Rights none = new Rights(false, CallClass.INTERNAL, EnumSet.allOf(Direction.class), QuotaState.remaining(0));
        alice(none, ACME_ROUTE);
        ledger.left(1, 0);
        assertThat(AgiCall.with("acme", "alice-desk", number).run(script)).isEqualTo(allowed("EMERGENCY", number, 0, ""));
        assertThat(ledger.reservedFor).isEmpty();
    }
}
