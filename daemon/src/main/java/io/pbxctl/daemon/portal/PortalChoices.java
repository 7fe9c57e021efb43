package io.pbxctl.daemon.portal;

import io.pbxctl.daemon.security.Caller;
import io.pbxctl.daemon.system.Forbidden;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tenant a portal page works on (the caller's own) and the pick lists of its forms. Pages
 * call these only after the service they show has checked the caller's access.
 */
@Component
public class PortalChoices {

    /** One entry of a pick list. */
    public record Choice(long id, String name) {
    }

    private final JdbcClient jdbc;

    PortalChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Operators belong to no tenant: they run the server through the API, and the portal refuses them its tenant pages. */
    public static long tenantOf(Caller caller) {
        if (caller.tenantId() == null) {
            throw new Forbidden("the portal's pages belong to a tenant; operators use the API");
        }
        return caller.tenantId();
    }

    public List<Choice> departments(long tenantId) {
        return list("SELECT id, name FROM department WHERE tenant_id = ? ORDER BY name, id", tenantId);
    }

    public List<Choice> users(long tenantId) {
        return list("SELECT id, name FROM pbx_user WHERE tenant_id = ? ORDER BY name, id", tenantId);
    }

    public List<Choice> outboundGroups(long tenantId) {
        return list("SELECT id, name FROM outbound_group WHERE tenant_id = ? ORDER BY name, id", tenantId);
    }

    private List<Choice> list(String sql, long tenantId) {
        return jdbc.sql(sql).param(tenantId).query((rs, row) -> new Choice(rs.getLong(1), rs.getString(2))).list();
    }
}
