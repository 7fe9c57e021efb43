package io.pbxctl.daemon.agi;

import io.pbxctl.agi.numbering.Country;
import io.pbxctl.agi.policy.AccountCodeMode;
import io.pbxctl.agi.port.OutboundCaller;
import io.pbxctl.agi.port.OutboundCallers;
import io.pbxctl.daemon.numbering.PlanCache;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The calling device, its user and tenant in one query; the plan comes from the cache. */
@Component
class JdbcOutboundCallers implements OutboundCallers {

    private final CallDatabase database;
    private final Parties parties;
    private final PlanCache plans;

    JdbcOutboundCallers(CallDatabase database, Parties parties, PlanCache plans) {
        this.database = database;
        this.parties = parties;
        this.plans = plans;
    }

    private record Row(long tenantId, String slug, Country country, String areaCode, ZoneId zone, AccountCodeMode mode,
            long deviceId, Parties.UserRow user) {
    }

    @Override
    public Optional<OutboundCaller> find(String tenantSlug, String deviceName, Instant now) {
        Optional<Row> found = database.jdbc().sql("SELECT t.id AS tenant_id, t.slug, t.country, t.area_code, t.time_zone, t.account_code_mode, "
                        + "d.id AS device_id, " + Parties.COLUMNS
                        + " FROM device d JOIN tenant t ON t.id = d.tenant_id"
                        + " JOIN pbx_user u ON u.tenant_id = d.tenant_id AND u.id = d.user_id "
                        + Parties.GROUP_JOIN
                        + " WHERE t.slug = ? AND d.sip_username = ?")
                .params(tenantSlug, deviceName)
                .query((rs, n) -> new Row(rs.getLong("tenant_id"), rs.getString("slug"), Country.valueOf(rs.getString("country")),
                        rs.getString("area_code"), ZoneId.of(rs.getString("time_zone")), AccountCodeMode.valueOf(rs.getString("account_code_mode")),
                        rs.getLong("device_id"), Parties.UserRow.read(rs)))
                .optional();
        return found.map(row -> new OutboundCaller(row.tenantId(), row.slug(), row.deviceId(), row.mode(), row.user().needsCode(),
                parties.party(row.user(), row.zone(), now), plans.of(row.tenantId(), row.country(), row.areaCode())));
    }
}
