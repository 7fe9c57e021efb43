package io.pbxctl.daemon.quota;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads what a user has used of the current period. */
@Component
public class QuotaUsage {

    private final JdbcClient jdbc;
    private final Clock clock;

    QuotaUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    public QuotaView of(long userId, Integer monthlyMinutes, ZoneId zone) {
        LocalDate period = QuotaPeriod.startAt(clock.instant(), zone);
        long used = jdbc.sql("SELECT COALESCE(SUM(used_seconds), 0) FROM minute_usage WHERE user_id = ? AND period_start = ?")
                .params(userId, period).query(Long.class).single();
        return new QuotaView(monthlyMinutes, period, used, QuotaPeriod.remainingSeconds(monthlyMinutes, used));
    }
}
