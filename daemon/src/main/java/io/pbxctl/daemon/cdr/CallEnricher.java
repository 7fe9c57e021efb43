package io.pbxctl.daemon.cdr;

import io.pbxctl.agi.numbering.Country;
import io.pbxctl.agi.numbering.NumberingPlan;
import io.pbxctl.daemon.numbering.PlanCache;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Works out whose call a record is, from the names the generated configuration gives things
 * (docs/config-generation.md): a device channel is {@code PJSIP/<sip username>-<n>}, a trunk
 * channel {@code PJSIP/trunk~<tenant>~<trunk>-<n>}, and a tenant's contexts are
 * {@code pbx~<tenant>~<role>}. Devices, users and account codes are read as they are at import,
 * which follows the call within seconds.
 */
@Component
class CallEnricher {

    private static final Pattern PJSIP_CHANNEL = Pattern.compile("^PJSIP/(.+)-[0-9a-f]+$");
    private static final Pattern TENANT_CONTEXT = Pattern.compile("^pbx~([a-z][a-z0-9-]*)~");
    private static final String TRUNK_PREFIX = "trunk~";
    private static final Map<String, String> DISPOSITIONS = Map.of("ANSWERED", "ANSWERED", "NO ANSWER", "NO_ANSWER",
            "CANCEL", "NO_ANSWER", "BUSY", "BUSY", "FAILED", "FAILED", "CONGESTION", "CONGESTION");

    private final JdbcClient jdbc;
    private final PlanCache plans;

    CallEnricher(JdbcClient jdbc, PlanCache plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    private record DeviceOwner(long deviceId, long tenantId, long userId, Long departmentId) {
    }

    private record TenantInfo(long id, ZoneId zone, Country country, String areaCode) {
    }

    /** The record enriched, or empty when it belongs to no tenant (a call the generated dialplan did not handle). */
    Optional<CallRow> enrich(RawCdr cdr) {
        Optional<DeviceOwner> caller = device(cdr.channel());
        Optional<DeviceOwner> dialled = device(cdr.dstchannel());
        Optional<TenantInfo> tenant = caller.map(d -> tenantById(d.tenantId()))
                .or(() -> contextTenant(cdr.dcontext()))
                .or(() -> didTenant(cdr.dst()))
                .or(() -> trunkTenant(cdr.channel()))
                .or(() -> dialled.map(d -> tenantById(d.tenantId())));
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        TenantInfo t = tenant.get();
        Optional<DeviceOwner> callee = dialled.filter(d -> d.tenantId() == t.id());
        String disposition = DISPOSITIONS.getOrDefault(cdr.disposition(), "FAILED");
        String direction;
        Long userId;
        Long departmentId;
        Long deviceId;
        Long peerUserId = null;
        if (caller.isPresent() && caller.get().tenantId() == t.id()) {
            DeviceOwner from = caller.get();
            userId = from.userId();
            departmentId = from.departmentId();
            deviceId = from.deviceId();
            if (callee.isPresent()) {
                direction = "INTERNAL";
                peerUserId = callee.get().userId();
            } else {
                direction = dialledDirection(t, cdr.dst());
            }
        } else {
            direction = "INBOUND";
            userId = callee.map(DeviceOwner::userId).orElse(null);
            departmentId = callee.map(DeviceOwner::departmentId).orElse(null);
            deviceId = callee.map(DeviceOwner::deviceId).orElse(null);
        }
        Long owner = cdr.accountcode().isEmpty() ? null : accountOwner(t.id(), cdr.accountcode());
        int talk = "ANSWERED".equals(disposition) ? talkSeconds(cdr, direction) : 0;
        Instant start = cdr.start() != null ? cdr.start() : cdr.end();
        return Optional.of(new CallRow(cdr, t.id(), start, start.atZone(t.zone()).toLocalDate(), direction, disposition, talk, userId,
                departmentId, deviceId, peerUserId, owner, callerName(cdr.clid())));
    }

    /**
     * A number a device dialled that reached no device: an extension or room of the tenant that
     * was not answered by a device, a feature code, or a number the tenant's plan classifies.
     */
    private String dialledDirection(TenantInfo tenant, String dst) {
        if (dst.isEmpty()) {
            return "OTHER";
        }
        if (dst.startsWith("*") || internalNumber(tenant.id(), dst)) {
            return "INTERNAL";
        }
        NumberingPlan plan = plans.of(tenant.id(), tenant.country(), tenant.areaCode());
        return plan.classify(dst).map(c -> c.direction().name()).orElse("OTHER");
    }

    /**
     * The talk time. The record's billsec counts from when the caller's channel was answered,
     * which an account-code prompt does before dialling; for outbound calls the settlement,
     * timed from the carrier's answer (docs/fastagi.md, settle), is exact.
     */
    private int talkSeconds(RawCdr cdr, String direction) {
        if (direction.equals("INTERNAL") || direction.equals("INBOUND")) {
            return cdr.billsec();
        }
        return jdbc.sql("SELECT talk_seconds FROM call_settlement WHERE call_id = ?").param(cdr.uniqueid()).query(Integer.class)
                .optional().orElse(cdr.billsec());
    }

    private boolean internalNumber(long tenantId, String number) {
        return jdbc.sql("SELECT (EXISTS (SELECT 1 FROM extension WHERE tenant_id = :t AND number = :n)"
                        + " OR EXISTS (SELECT 1 FROM conference_room WHERE tenant_id = :t AND number = :n))")
                .param("t", tenantId).param("n", number).query(Boolean.class).single();
    }

    /** The owner of the account code whose label the call carries, when the label names one owner only. */
    private Long accountOwner(long tenantId, String label) {
        List<Long> owners = jdbc.sql("SELECT DISTINCT user_id FROM account_code WHERE tenant_id = ? AND label = ?")
                .param(tenantId).param(label).query(Long.class).list();
        return owners.size() == 1 ? owners.get(0) : null;
    }

    private Optional<DeviceOwner> device(String channel) {
        String endpoint = endpoint(channel);
        if (endpoint == null || endpoint.startsWith(TRUNK_PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT d.id, d.tenant_id, d.user_id, u.department_id FROM device d JOIN pbx_user u ON u.id = d.user_id"
                        + " WHERE d.sip_username = ?")
                .param(endpoint)
                .query((rs, n) -> new DeviceOwner(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, Long.class)))
                .optional();
    }

    private Optional<TenantInfo> trunkTenant(String channel) {
        String endpoint = endpoint(channel);
        if (endpoint == null || !endpoint.startsWith(TRUNK_PREFIX)) {
            return Optional.empty();
        }
        String rest = endpoint.substring(TRUNK_PREFIX.length());
        int end = rest.indexOf('~');
        return end < 0 ? Optional.empty() : tenantBySlug(rest.substring(0, end));
    }

    private Optional<TenantInfo> contextTenant(String context) {
        Matcher matcher = TENANT_CONTEXT.matcher(context);
        return matcher.find() ? tenantBySlug(matcher.group(1)) : Optional.empty();
    }

    private Optional<TenantInfo> didTenant(String number) {
        if (number.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT tenant_id FROM inbound_number WHERE number = ?").param(number).query(Long.class).optional()
                .map(this::tenantById);
    }

    private static String endpoint(String channel) {
        Matcher matcher = PJSIP_CHANNEL.matcher(channel);
        return matcher.matches() ? matcher.group(1) : null;
    }

    private TenantInfo tenantById(long id) {
        return tenantQuery("id = ?", id).orElseThrow(() -> new IllegalStateException("tenant " + id + " vanished during import"));
    }

    private Optional<TenantInfo> tenantBySlug(String slug) {
        return tenantQuery("slug = ?", slug);
    }

    private Optional<TenantInfo> tenantQuery(String where, Object value) {
        return jdbc.sql("SELECT id, time_zone, country, area_code FROM tenant WHERE " + where).param(value)
                .query((rs, n) -> new TenantInfo(rs.getLong(1), ZoneId.of(rs.getString(2)), Country.valueOf(rs.getString(3)),
                        rs.getString(4)))
                .optional();
    }

    /** The name part of Asterisk's {@code "Name" <number>} caller ID. */
    static String callerName(String clid) {
        int open = clid.lastIndexOf('<');
        String name = (open >= 0 ? clid.substring(0, open) : "").trim();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return name;
    }
}
