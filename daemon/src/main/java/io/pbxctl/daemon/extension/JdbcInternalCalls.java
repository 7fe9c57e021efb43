package io.pbxctl.daemon.extension;

import io.pbxctl.agi.port.Callee;
import io.pbxctl.agi.port.InternalCalls;
import io.pbxctl.daemon.agi.CallDatabase;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The user behind an extension of a tenant, with the flags and devices an internal call needs. */
@Component
class JdbcInternalCalls implements InternalCalls {

    private final CallDatabase database;

    JdbcInternalCalls(CallDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<Callee> find(String tenantSlug, String extension) {
        return database.jdbc().sql("SELECT u.id, u.call_waiting, u.auto_answer, u.recording_mode,"
                        + " (SELECT GROUP_CONCAT(d.sip_username ORDER BY d.id SEPARATOR ',') FROM device d WHERE d.user_id = u.id) AS devices"
                        + " FROM tenant t JOIN extension e ON e.tenant_id = t.id AND e.number = ?"
                        + " JOIN pbx_user u ON u.tenant_id = t.id AND u.id = e.user_id WHERE t.slug = ?")
                .params(extension, tenantSlug)
                .query((rs, n) -> {
                    String devices = rs.getString("devices");
                    return new Callee(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4),
                            devices == null ? List.of() : List.of(devices.split(",")));
                })
                .optional();
    }
}
