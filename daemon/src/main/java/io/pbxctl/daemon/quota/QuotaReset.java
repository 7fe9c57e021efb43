package io.pbxctl.daemon.quota;

import io.pbxctl.daemon.agi.Utc;
import io.pbxctl.daemon.audit.AuditLog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a tenant's monthly quota period. Usage is kept per period, so a new month starts from
 * zero by itself; opening makes the change visible and happen once: one {@code quota_period}
 * row (its key makes a second run, on this or another daemon, do nothing), a zero usage row for
 * every user with a quota, and one audit entry that closes the previous month with its totals.
 * Calls still running from the previous month stay charged to it (their reservation names it).
 */
@Service
public class QuotaReset {

    /** What an opening wrote, as the audit entry shows it. */
    public record Opened(LocalDate periodStart, String timeZone, int usersWithQuota, LocalDate previousPeriodStart,
            long previousPeriodUsedSeconds, long previousPeriodCallsInProgress) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    QuotaReset(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Opens the period that {@code now} falls in; empty when it was open already or the tenant is gone. */
    @Transactional
    public Optional<Opened> open(long tenantId, Instant now) {
        Optional<String> zone = jdbc.sql("SELECT time_zone FROM tenant WHERE id = ?").param(tenantId).query(String.class).optional();
        if (zone.isEmpty()) {
            return Optional.empty();
        }
        LocalDate period = QuotaPeriod.startAt(now, ZoneId.of(zone.get()));
        int users = jdbc.sql("SELECT COUNT(*) FROM pbx_user WHERE tenant_id = ? AND monthly_quota_minutes IS NOT NULL")
                .param(tenantId).query(Integer.class).single();
        int inserted = jdbc.sql("INSERT IGNORE INTO quota_period (tenant_id, period_start, time_zone, opened_at, users_with_quota) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(tenantId, period, zone.get(), Utc.of(now), users).update();
        if (inserted == 0) {
            return Optional.empty();
        }
        jdbc.sql("INSERT INTO minute_usage (user_id, period_start, used_seconds) "
                        + "SELECT id, ?, 0 FROM pbx_user WHERE tenant_id = ? AND monthly_quota_minutes IS NOT NULL "
                        + "ON DUPLICATE KEY UPDATE used_seconds = minute_usage.used_seconds")
                .params(period, tenantId).update();
        LocalDate previous = period.minusMonths(1);
        long used = jdbc.sql("SELECT COALESCE(SUM(m.used_seconds), 0) FROM minute_usage m JOIN pbx_user u ON u.id = m.user_id "
                        + "WHERE u.tenant_id = ? AND m.period_start = ?")
                .params(tenantId, previous).query(Long.class).single();
        long running = jdbc.sql("SELECT COUNT(*) FROM quota_reservation r JOIN pbx_user u ON u.id = r.user_id "
                        + "WHERE u.tenant_id = ? AND r.period_start = ? AND r.expires_at > ?")
                .params(tenantId, previous, Utc.of(now)).query(Long.class).single();
        Opened opened = new Opened(period, zone.get(), users, previous, used, running);
        audit.record(tenantId, "QUOTA_RESET", "quota_period", null, opened);
        return Optional.of(opened);
    }
}
