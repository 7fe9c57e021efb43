package io.pbxctl.daemon.user;

import io.pbxctl.agi.port.SpyTarget;
import io.pbxctl.agi.port.Supervision;
import io.pbxctl.daemon.agi.CallDatabase;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Who supervises the user behind an extension, and that user's devices; all within one tenant. */
@Component
class JdbcSupervision implements Supervision {

    private final CallDatabase database;

    JdbcSupervision(CallDatabase database) {
        this.database = database;
    }

    private record Pair(long callerUserId, long targetUserId, Long targetSupervisorId) {
    }

    @Override
    public Optional<SpyTarget> find(String tenantSlug, String callerDevice, String extension) {
        Optional<Pair> pair = database.jdbc().sql("SELECT d.user_id, e.user_id, target.supervisor_id FROM tenant t"
                        + " JOIN device d ON d.tenant_id = t.id AND d.sip_username = ?"
                        + " JOIN extension e ON e.tenant_id = t.id AND e.number = ?"
                        + " JOIN pbx_user target ON target.tenant_id = t.id AND target.id = e.user_id"
                        + " WHERE t.slug = ?")
                .params(callerDevice, extension, tenantSlug)
                .query((rs, n) -> {
                    long supervisor = rs.getLong(3);
                    return new Pair(rs.getLong(1), rs.getLong(2), rs.wasNull() ? null : supervisor);
                })
                .optional();
        return pair.map(p -> new SpyTarget(p.callerUserId(), p.targetUserId(), p.targetSupervisorId(), devicesOf(p.targetUserId())));
    }

    private List<String> devicesOf(long userId) {
        return database.jdbc().sql("SELECT sip_username FROM device WHERE user_id = ? ORDER BY id").param(userId).query(String.class).list();
    }
}
