package io.pbxctl.daemon.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.agi.CallDatabase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A reserved counter that disagrees with its reservation rows (an older daemon settled a call) is put back. */
class ReservedCounterRepairTests extends ApiTestSupport {

    private static final LocalDate PERIOD = LocalDate.of(2026, 10, 1);

    @Autowired
    private CallDatabase database;

    @Test
    void countersThatDriftedFromTheirRowsAreCorrectedAndOthersLeftAlone() {
        long kept = newTenant("VN").create("users", Map.of("name", "Kept"));
        long drifted = newTenant("VN").create("users", Map.of("name", "Drifted"));
        long settledElsewhere = newTenant("VN").create("users", Map.of("name", "Settled"));
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        reserve("1763600000.1", kept, now);
        reserve("1763600000.2", drifted, now);
        reserve("1763600000.3", settledElsewhere, now);
        jdbc.sql("UPDATE minute_usage SET reserved_seconds = 600 WHERE user_id = ?").param(drifted).update();
        jdbc.sql("DELETE FROM quota_reservation WHERE call_id = '1763600000.3'").update();

        ReservedCounterRepair repair = new ReservedCounterRepair(database);
        assertThat(repair.repair()).isGreaterThanOrEqualTo(2);

        assertThat(counter(kept)).isEqualTo(60);
        assertThat(counter(drifted)).isEqualTo(60);
        assertThat(counter(settledElsewhere)).isZero();
        assertThat(repair.repair()).as("nothing left to correct").isZero();
    }

    private void reserve(String call, long user, LocalDateTime now) {
        assertThat(QuotaRows.reserve(jdbc, call, user, PERIOD, 600, 0, 60, now, 1_000)).isEqualTo(60);
    }

    private long counter(long user) {
        return QuotaRows.reservedCounter(jdbc, user, PERIOD);
    }
}
