package io.pbxctl.daemon.accountcode;

import io.pbxctl.agi.policy.OutboundDecision;
import io.pbxctl.agi.port.AccountCodes;
import io.pbxctl.agi.port.CodeOwner;
import io.pbxctl.daemon.agi.CallDatabase;
import io.pbxctl.daemon.agi.Parties;
import io.pbxctl.daemon.agi.Utc;
import io.pbxctl.daemon.audit.AuditLog;
import io.pbxctl.daemon.secrets.CodeHasher;
import io.pbxctl.daemon.system.PbxProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Account codes at call time: a code is found by its keyed hash (never compared in clear), and
 * wrong codes are counted per device in the database so that every daemon sees the same count.
 */
@Component
class JdbcAccountCodes implements AccountCodes {

    private static final Logger log = LoggerFactory.getLogger(JdbcAccountCodes.class);

    private final CallDatabase database;
    private final Parties parties;
    private final CodeHasher hasher;
    private final AuditLog audit;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;

    JdbcAccountCodes(CallDatabase database, Parties parties, CodeHasher hasher, AuditLog audit, PbxProperties properties) {
        this.database = database;
        this.parties = parties;
        this.hasher = hasher;
        this.audit = audit;
        this.maxFailures = properties.calls().codeFailures();
        this.window = properties.calls().codeFailureWindow();
        this.lockout = properties.calls().codeLockout();
    }

    private record Row(String label, ZoneId zone, Parties.UserRow user) {
    }

    @Override
    public Optional<CodeOwner> find(long tenantId, String digits, Instant now) {
        return database.jdbc().sql("SELECT ac.label, t.time_zone, " + Parties.COLUMNS
                        + " FROM account_code ac JOIN tenant t ON t.id = ac.tenant_id"
                        + " JOIN pbx_user u ON u.tenant_id = ac.tenant_id AND u.id = ac.user_id "
                        + Parties.GROUP_JOIN
                        + " WHERE ac.tenant_id = ? AND ac.code_hash = ?")
                .params(tenantId, hasher.hash(digits))
                .query((rs, n) -> new Row(rs.getString("label"), ZoneId.of(rs.getString("time_zone")), Parties.UserRow.read(rs)))
                .optional()
                .map(row -> new CodeOwner(parties.party(row.user(), row.zone(), now,
                        OutboundDecision.readsOwnersQuotaFirst(!row.user().route().isEmpty())), row.label()));
    }

    @Override
    public boolean lockedOut(long deviceId, Instant now) {
        return database.jdbc().sql("SELECT COUNT(*) FROM account_code_lockout WHERE device_id = ? AND locked_until > ?")
                .params(deviceId, Utc.of(now)).query(Long.class).single() > 0;
    }

    @Override
    public boolean recordFailure(long tenantId, long deviceId, Instant now) {
        Instant until = now.plus(lockout);
        Boolean locked = database.transactions().execute(status -> {
            var jdbc = database.jdbc();
            jdbc.sql("INSERT INTO account_code_failure (tenant_id, device_id, failed_at) VALUES (?, ?, ?)")
                    .params(tenantId, deviceId, Utc.of(now)).update();
            long recent = jdbc.sql("SELECT COUNT(*) FROM account_code_failure WHERE device_id = ? AND failed_at > ?")
                    .params(deviceId, Utc.of(now.minus(window))).query(Long.class).single();
            if (recent < maxFailures) {
                return false;
            }
            jdbc.sql("INSERT INTO account_code_lockout (device_id, tenant_id, locked_until) VALUES (?, ?, ?) "
                            + "ON DUPLICATE KEY UPDATE locked_until = VALUES(locked_until)")
                    .params(deviceId, tenantId, Utc.of(until)).update();
            // The count starts again after the lockout, instead of locking again at the next single mistake.
            jdbc.sql("DELETE FROM account_code_failure WHERE device_id = ?").param(deviceId).update();
            return true;
        });
        if (Boolean.TRUE.equals(locked)) {
            log.warn("device {} of tenant {} entered {} wrong account codes within {}: locked out until {}", deviceId, tenantId,
                    maxFailures, window, until);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("failures", maxFailures);
            detail.put("window", window.toString());
            detail.put("lockedUntil", until.toString());
            audit.accountCodeLockout(tenantId, deviceId, detail);
            return true;
        }
        return false;
    }

    /** Failures older than the counting window can no longer lock anyone out. */
    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void purgeOldFailures() {
        try {
            database.jdbc().sql("DELETE FROM account_code_failure WHERE failed_at < ?")
                    .param(Utc.of(Instant.now().minus(window))).update();
        } catch (RuntimeException e) {
            log.warn("could not purge old account-code failures: {}", e.getMessage());
        }
    }
}
