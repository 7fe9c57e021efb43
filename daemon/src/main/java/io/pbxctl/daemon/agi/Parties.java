package io.pbxctl.daemon.agi;

import io.pbxctl.agi.numbering.CallClass;
import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.agi.policy.QuotaState;
import io.pbxctl.agi.policy.Rights;
import io.pbxctl.agi.port.Party;
import io.pbxctl.agi.port.Route;
import io.pbxctl.daemon.quota.QuotaPeriod;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads a user as a call-time {@link Party}: rights, outbound group, and what is left of the
 * quota after usage and the reservations of calls in progress. Queries select
 * {@link #COLUMNS} from {@code pbx_user u} joined with {@link #GROUP_JOIN}.
 */
@Component
public class Parties {

    public static final String COLUMNS = """
            u.id AS user_id, u.call_class, u.outbound_enabled, u.needs_account_code, u.monthly_quota_minutes,
            (SELECT GROUP_CONCAT(c.direction) FROM user_closed_direction c WHERE c.user_id = u.id) AS closed_directions,
            g.caller_id_number, g.caller_id_name,
            (SELECT GROUP_CONCAT(tr.name ORDER BY ogt.position SEPARATOR ',') FROM outbound_group_trunk ogt
               JOIN trunk tr ON tr.tenant_id = ogt.tenant_id AND tr.id = ogt.trunk_id
             WHERE ogt.outbound_group_id = g.id) AS trunk_names""";
    public static final String GROUP_JOIN = "LEFT JOIN outbound_group g ON g.tenant_id = u.tenant_id AND g.id = u.outbound_group_id";

    private final CallDatabase database;

    Parties(CallDatabase database) {
        this.database = database;
    }

    /** The user part of a row selected with {@link #COLUMNS}. */
    public record UserRow(long userId, CallClass callClass, boolean outboundEnabled, boolean needsCode, Integer quotaMinutes,
            Set<Direction> closed, Route route) {

        public static UserRow read(ResultSet rs) throws SQLException {
            int quota = rs.getInt("monthly_quota_minutes");
            Integer quotaMinutes = rs.wasNull() ? null : quota;
            Set<Direction> closed = EnumSet.noneOf(Direction.class);
            String closedList = rs.getString("closed_directions");
            if (closedList != null) {
                Arrays.stream(closedList.split(",")).map(Direction::valueOf).forEach(closed::add);
            }
            String trunkList = rs.getString("trunk_names");
            List<String> trunks = trunkList == null ? List.of() : List.of(trunkList.split(","));
            Route route = new Route(trunks, rs.getString("caller_id_number"), rs.getString("caller_id_name"));
            return new UserRow(rs.getLong("user_id"), CallClass.valueOf(rs.getString("call_class")), rs.getBoolean("outbound_enabled"),
                    rs.getBoolean("needs_account_code"), quotaMinutes, closed, route);
        }
    }

    /**
     * The party of a user row in the month of {@code now} in the tenant's zone; with
     * {@code readQuota}, what is left of its quota is read as of {@code now} (calls still running
     * from the previous month are charged to that month, so they do not count), otherwise it is
     * left to the call's reservation ({@link QuotaState#unread}).
     */
    public Party party(UserRow user, ZoneId zone, Instant now, boolean readQuota) {
        LocalDate period = QuotaPeriod.startAt(now, zone);
        QuotaState quota = user.quotaMinutes() == null ? QuotaState.unlimited()
                : !readQuota ? QuotaState.unread()
                : QuotaState.remaining(user.quotaMinutes() * 60L - usedAndReserved(user.userId(), period, now));
        Rights rights = new Rights(user.outboundEnabled(), user.callClass(), user.closed(), quota);
        return new Party(user.userId(), rights, user.quotaMinutes(), period, user.route());
    }

    private long usedAndReserved(long userId, LocalDate period, Instant now) {
        // reserved_seconds counts every reservation row of the period; those expired but not purged yet no longer hold.
        return database.jdbc().sql("""
                        SELECT COALESCE((SELECT used_seconds + GREATEST(0, reserved_seconds - (
                                                SELECT COALESCE(SUM(r.reserved_seconds), 0) FROM quota_reservation r
                                                WHERE r.user_id = :user AND r.period_start = :period AND r.expires_at <= :now))
                                         FROM minute_usage WHERE user_id = :user AND period_start = :period), 0)""")
                .param("user", userId).param("period", period).param("now", Utc.of(now))
                .query(Long.class).single();
    }
}
