package io.pbxctl.agi.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.agi.numbering.CallClass;
import io.pbxctl.agi.policy.QuotaState;
import io.pbxctl.agi.policy.Rights;
import io.pbxctl.agi.port.Party;
import io.pbxctl.agi.port.Route;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.asteriskjava.fastagi.AgiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettleScriptTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-10T02:30:00Z"), ZoneOffset.UTC);
    private static final Party ALICE = new Party(1, new Rights(true, CallClass.NATIONAL, Set.of(), QuotaState.remaining(600)),
            10, LocalDate.of(2024, 5, 1), Route.none());

    private final InMemoryQuotaLedger ledger = new InMemoryQuotaLedger().left(1, 600);
    private final SettleScript script = new SettleScript(ledger, CLOCK);

    @Test
    void theAnsweredCallsTalkTimeIsChargedOnce() throws AgiException {
        ledger.reserve(AgiCall.CALL_ID, ALICE, 60, CLOCK.instant());
        assertThat(AgiCall.with("125").run(script)).containsExactly("PBX_SETTLEMENT=CHARGED", "PBX_REASON=", "PBX_RESULT=ALLOWED");
        assertThat(AgiCall.with("125").run(script))
                .containsExactly("PBX_SETTLEMENT=ALREADY_SETTLED", "PBX_REASON=", "PBX_RESULT=ALLOWED");
        assertThat(ledger.charged).containsExactly(Map.entry(AgiCall.CALL_ID, 125L));
    }

    @Test
    void aCallWithoutReservationHasNothingToCharge() throws AgiException {
        assertThat(AgiCall.with("0").run(script)).containsExactly("PBX_SETTLEMENT=NOTHING_RESERVED", "PBX_REASON=", "PBX_RESULT=ALLOWED");
        assertThat(ledger.charged).isEmpty();
    }

    @Test
    void theCallIsIdentifiedByItsUniqueId() throws AgiException {
        ledger.reserve("1715306400.43", ALICE, 60, CLOCK.instant());
        assertThat(AgiCall.with("30").uniqueId("1715306400.43").run(script))
                .containsExactly("PBX_SETTLEMENT=CHARGED", "PBX_REASON=", "PBX_RESULT=ALLOWED");
        assertThat(ledger.charged).containsOnlyKeys("1715306400.43");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-5", "12a", "12345678", "1.5", "60;", "60\n"})
    void malformedTalkTimeIsAnInvalidRequest(String talkSeconds) throws AgiException {
        ledger.reserve(AgiCall.CALL_ID, ALICE, 60, CLOCK.instant());
        assertThat(AgiCall.with(talkSeconds).run(script)).containsExactly("PBX_REASON=INVALID_REQUEST", "PBX_RESULT=REFUSED");
        assertThat(ledger.charged).isEmpty();
    }

    @Test
    void aMissingArgumentOrUniqueIdIsAnInvalidRequest() throws AgiException {
        assertThat(AgiCall.with().run(script)).containsExactly("PBX_REASON=INVALID_REQUEST", "PBX_RESULT=REFUSED");
        assertThat(AgiCall.with("60").uniqueId(null).run(script)).containsExactly("PBX_REASON=INVALID_REQUEST", "PBX_RESULT=REFUSED");
        assertThat(AgiCall.with("60").uniqueId("a b").run(script)).containsExactly("PBX_REASON=INVALID_REQUEST", "PBX_RESULT=REFUSED");
    }

    @Test
    void aFailingLedgerIsUnavailable() throws AgiException {
        ledger.failWith(new IllegalStateException("database down"));
        assertThat(AgiCall.with("60").run(script)).containsExactly("PBX_REASON=UNAVAILABLE", "PBX_RESULT=REFUSED");
    }
}
