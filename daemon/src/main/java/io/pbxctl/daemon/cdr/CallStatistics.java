package io.pbxctl.daemon.cdr;

import io.pbxctl.daemon.system.FieldProblem;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Calls, answered calls and talk time per day, week, month, user, department or account-code
 * owner, each split by direction. Read from call_day_summary, which the import keeps, so a
 * month of a large tenant is thousands of summary rows, not hundreds of thousands of records;
 * periods of the whole tenant from call_day_total, a few rows a day. Days are the tenant's: a
 * call belongs to the date it started on in the tenant's time zone.
 */
@Service
class CallStatistics {

    private static final Map<String, String> GROUPS = Map.of(
            "day", "s.day",
            "week", "DATE_SUB(s.day, INTERVAL WEEKDAY(s.day) DAY)",
            "month", "DATE_SUB(s.day, INTERVAL DAYOFMONTH(s.day) - 1 DAY)",
            "user", "s.user_id",
            "department", "s.department_id",
            "accountCodeOwner", "s.account_owner_id");
    private static final Map<String, String> NAMES = Map.of(
            "user", "(SELECT name FROM pbx_user WHERE id = s.user_id)",
            "department", "(SELECT name FROM department WHERE id = s.department_id)",
            "accountCodeOwner", "(SELECT name FROM pbx_user WHERE id = s.account_owner_id)");
    private static final List<String> PARAMS = List.of("groupBy", "from", "to", "direction");

    private final JdbcClient jdbc;

    CallStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Figures of one group, and of each direction within it. */
    record Figures(long calls, long answered, long talkSeconds, double talkMinutes) {

        static Figures of(long calls, long answered, long talkSeconds) {
            return new Figures(calls, answered, talkSeconds, Math.round(talkSeconds / 6.0) / 10.0);
        }

        Figures plus(Figures other) {
            return of(calls + other.calls, answered + other.answered, talkSeconds + other.talkSeconds);
        }
    }

    /** One day, week (its Monday), month (its 1st), user, department or owner; {@code key} null for calls without one. */
    record Group(String key, String name, Figures total, Map<String, Figures> byDirection) {
    }

    record Statistics(String groupBy, LocalDate from, LocalDate to, String timeZone, Figures total, List<Group> groups) {
    }

    Statistics of(HistoryScope.Scope scope, Map<String, List<String>> query) {
        for (String name : query.keySet()) {
            if (!PARAMS.contains(name)) {
                throw new FieldProblem(name, "Filter", "is not a parameter of call statistics; known: " + String.join(", ", PARAMS));
            }
        }
        String groupBy = single(query, "groupBy", "day");
        String key = GROUPS.get(groupBy);
        if (key == null) {
            throw new FieldProblem("groupBy", "OneOf", "must be one of day, week, month, user, department, accountCodeOwner");
        }
        LocalDate today = ZonedDateTime.now(scope.zone()).toLocalDate();
        LocalDate from = date(query, "from", today.withDayOfMonth(1));
        LocalDate to = date(query, "to", today);
        if (to.isBefore(from)) {
            throw new FieldProblem("to", "After", "must not be before from");
        }
        boolean byId = NAMES.containsKey(groupBy);
        String table = byId || scope.onlyUserId() != null ? "call_day_summary" : "call_day_total";
        StringBuilder sql = new StringBuilder("SELECT ").append(key).append(" AS k, ")
                .append(NAMES.getOrDefault(groupBy, "NULL")).append(" AS name, s.direction, SUM(s.calls), SUM(s.answered),"
                        + " SUM(s.talk_seconds) FROM ").append(table)
                .append(" s WHERE s.tenant_id = :tenant AND s.day >= :from AND s.day <= :to");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", scope.tenantId());
        params.put("from", from);
        params.put("to", to);
        if (scope.onlyUserId() != null) {
            sql.append(" AND s.user_id = :me");
            params.put("me", scope.onlyUserId());
        }
        String direction = query.containsKey("direction") ? single(query, "direction", null) : null;
        if (direction != null) {
            sql.append(" AND s.direction = :direction");
            params.put("direction", HistoryFilter.oneOf("direction", direction, HistoryFilter.DIRECTIONS));
        }
        sql.append(" GROUP BY k, s.direction ORDER BY k, s.direction");
        Map<String, Group> groups = new LinkedHashMap<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            String k = rs.getString(1);
            String groupKey = byId && "0".equals(k) ? null : k;
            Figures figures = Figures.of(rs.getLong(4), rs.getLong(5), rs.getLong(6));
            String name = rs.getString(2);
            Group group = groups.computeIfAbsent(k, x -> new Group(groupKey, name, Figures.of(0, 0, 0), new TreeMap<>()));
            group.byDirection().put(rs.getString(3), figures);
            groups.put(k, new Group(groupKey, group.name(), group.total().plus(figures), group.byDirection()));
        });
        List<Group> ordered = List.copyOf(groups.values());
        Figures total = ordered.stream().map(Group::total).reduce(Figures.of(0, 0, 0), Figures::plus);
        return new Statistics(groupBy, from, to, scope.zone().getId(), total, ordered);
    }

    private static String single(Map<String, List<String>> query, String name, String fallback) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        if (values.size() > 1) {
            throw new FieldProblem(name, "Single", "may be given once");
        }
        return values.get(0).trim();
    }

    private static LocalDate date(Map<String, List<String>> query, String name, LocalDate fallback) {
        String value = single(query, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new FieldProblem(name, "Format", "must be a date such as 2026-11-01 (a day in the tenant's time zone, inclusive)");
        }
    }
}
