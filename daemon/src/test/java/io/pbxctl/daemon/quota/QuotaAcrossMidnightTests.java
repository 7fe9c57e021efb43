package io.pbxctl.daemon.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.agi.numbering.CallClass;
import io.pbxctl.agi.port.Party;
import io.pbxctl.agi.port.QuotaLedger;
import io.pbxctl.agi.port.Reservation;
import io.pbxctl.agi.port.Route;
import io.pbxctl.agi.port.Settlement;
import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.agi.Parties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A call that starts before midnight of the 1st and ends after it is charged to the month it
 * started in, and does not take from the new month's quota while it runs.
 */
class QuotaAcrossMidnightTests extends ApiTestSupport {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate OCTOBER = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOVEMBER = LocalDate.of(2026, 11, 1);

    @Autowired
    private QuotaLedger ledger;
    @Autowired
    private Parties parties;

    @Test
    void aCallAcrossMidnightIsChargedToItsStartingMonthAndLeavesTheNewMonthWhole() {
        long user = newTenant("VN").create("users", Map.of("name", "Night caller", "monthlyQuotaMinutes", 10));
        Parties.UserRow row = new Parties.UserRow(user, CallClass.NATIONAL, true, false, 10, Set.of(), Route.none());
        Instant beforeMidnight = NOVEMBER.atStartOfDay(HANOI).minusSeconds(60).toInstant();
        Instant afterMidnight = NOVEMBER.atStartOfDay(HANOI).plusSeconds(300).toInstant();
        String nightCall = "1793500000." + UUID.randomUUID().toString().substring(0, 8);

        Party october = parties.party(row, HANOI, beforeMidnight, true);
        assertThat(october.period()).isEqualTo(OCTOBER);
        Reservation held = ledger.reserve(nightCall, october, 60, beforeMidnight);
        assertThat(held.limitSeconds()).isEqualTo(600);

        Party november = parties.party(row, HANOI, afterMidnight, true);
        assertThat(november.period()).isEqualTo(NOVEMBER);
        assertThat(november.rights().quota().remainingSeconds()).isEqualTo(600);
        String morningCall = "1793500001." + UUID.randomUUID().toString().substring(0, 8);
        assertThat(ledger.reserve(morningCall, november, 60, afterMidnight).limitSeconds()).isEqualTo(600);

        assertThat(ledger.settle(nightCall, 360, afterMidnight)).isEqualTo(Settlement.CHARGED);
        assertThat(used(user, OCTOBER)).isEqualTo(360);
        assertThat(used(user, NOVEMBER)).isZero();
    }

    private long used(long user, LocalDate period) {
        return jdbc.sql("SELECT COALESCE(SUM(used_seconds), 0) FROM minute_usage WHERE user_id = ? AND period_start = ?")
                .params(user, period).query(Long.class).single();
    }
}
