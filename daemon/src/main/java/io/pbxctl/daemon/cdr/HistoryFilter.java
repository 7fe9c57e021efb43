package io.pbxctl.daemon.cdr;

import io.pbxctl.daemon.agi.Utc;
import io.pbxctl.daemon.system.FieldProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The filters and sort order of a call-history view, turned into SQL over call_record (alias
 * {@code r}). The same view backs the page, the CSV and the XLSX export. An unknown parameter,
 * sort field or value is refused naming it, never ignored.
 */
final class HistoryFilter {

    static final Set<String> DIRECTIONS = Set.of("INBOUND", "INTERNAL", "EMERGENCY", "LOCAL", "LONG_DISTANCE", "MOBILE",
            "SPECIAL", "INTERNATIONAL", "OTHER");
    static final Set<String> DISPOSITIONS = Set.of("ANSWERED", "NO_ANSWER", "BUSY", "FAILED", "CONGESTION");
    private static final Map<String, String> SORTABLE = Map.of("startedAt", "r.started_at", "durationSeconds", "r.duration_seconds",
            "talkSeconds", "r.talk_seconds");
    /** The indexes (migration 0046) that hold the records of a tenant in the order of one length, then the id. */
    private static final Map<String, String> LENGTH_INDEXES = Map.of("r.talk_seconds", "ix_call_record_tenant_talk_order",
            "r.duration_seconds", "ix_call_record_tenant_duration_order");

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final List<String> summaryConditions = new ArrayList<>(List.of("s.tenant_id = :tenant"));
    private final Map<String, Object> summaryParams = new LinkedHashMap<>();
    private boolean summarised = true;
    private boolean perPerson;
    private boolean searchesNumber;
    private String lookedUpTerm;
    private final List<String> periodOfCalls = new ArrayList<>();
    private String summaryColumn = "records";
    private String orderBy = "r.started_at DESC, r.id DESC";
    private String lengthIndex;

    private HistoryFilter() {
    }

    /** The filters of the page and exports; {@code paging} lists parameters the caller handles itself (page, size). */
    static HistoryFilter of(HistoryScope.Scope scope, Map<String, List<String>> query, Set<String> paging) {
        HistoryFilter filter = new HistoryFilter();
        filter.conditions.add("r.tenant_id = :tenant");
        filter.params.put("tenant", scope.tenantId());
        filter.summaryParams.put("tenant", scope.tenantId());
        if (scope.onlyUserId() != null) {
            filter.summarised = false;
            filter.conditions.add("(r.user_id = :me OR r.peer_user_id = :me OR r.account_owner_id = :me)");
            filter.params.put("me", scope.onlyUserId());
        }
        Map<String, BiConsumer<HistoryFilter, String>> known = new LinkedHashMap<>();
        known.put("from", (f, v) -> {
            f.add("r.started_at >= :from", "from", utc(instant("from", v, scope.zone(), false)));
            f.periodOfCalls.add("c.started_at >= :from");
            f.summarisedIf(isDate(v), "s.day >= :from", "from", isDate(v) ? LocalDate.parse(v) : null);
        });
        known.put("to", (f, v) -> {
            f.add("r.started_at < :to", "to", utc(instant("to", v, scope.zone(), true)));
            f.periodOfCalls.add("c.started_at < :to");
            f.summarisedIf(isDate(v), "s.day <= :to", "to", isDate(v) ? LocalDate.parse(v) : null);
        });
        known.put("userId", (f, v) -> f.person("user_id", "userId", id("userId", v)));
        known.put("departmentId", (f, v) -> f.person("department_id", "departmentId", id("departmentId", v)));
        known.put("accountCodeOwnerId", (f, v) -> f.person("account_owner_id", "owner", id("accountCodeOwnerId", v)));
        known.put("extension", (f, v) -> {
            f.add("(r.caller_number = :extension OR r.dialled_number = :extension)", "extension", digits("extension", v));
            f.summarisedIf(false, null, null, null);
        });
        known.put("direction", (f, v) -> f.both("direction", "direction", oneOf("direction", v, DIRECTIONS)));
        known.put("disposition", (f, v) -> {
            f.add("r.disposition = :disposition", "disposition", oneOf("disposition", v, DISPOSITIONS));
            if (v.equals("ANSWERED")) {
                f.summaryColumn = "answered";
            } else {
                f.summarisedIf(false, null, null, null);
            }
        });
        // Compared byte for byte, as call_number_gram lists numbers: several times cheaper than the
        // columns' collation on the hundreds of thousands of index entries a period can hold.
        known.put("number", (f, v) -> {
            String term = dialString("number", v);
            f.add("(r.caller_number COLLATE utf8mb4_bin LIKE :number OR r.dialled_number COLLATE utf8mb4_bin LIKE :number)", "number",
                    "%" + term + "%");
            f.summarisedIf(false, null, null, null);
            f.searchesNumber = true;
            f.lookedUpTerm = term.length() >= NumberGrams.LENGTH ? term : null;
        });
        for (Map.Entry<String, List<String>> param : query.entrySet()) {
            String name = param.getKey();
            if (paging.contains(name)) {
                continue;
            }
            if (name.equals("sort")) {
                filter.sort(param.getValue());
                continue;
            }
            BiConsumer<HistoryFilter, String> apply = known.get(name);
            if (apply == null) {
                throw new FieldProblem(name, "Filter", "is not a filter of call history; known filters: "
                        + String.join(", ", known.keySet()) + ", and sort");
            }
            if (param.getValue().size() != 1) {
                throw new FieldProblem(name, "Single", "may be given once");
            }
            apply.accept(filter, param.getValue().get(0).trim());
        }
        return filter;
    }

    String where() {
        return String.join(" AND ", conditions);
    }

    String orderBy() {
        return orderBy;
    }

    Map<String, Object> params() {
        return params;
    }

    /**
     * How many records the view holds, read from the daily summary when every filter is one the
     * summary has (whole days, user, department, owner, direction, answered), which is a sum over
     * a few thousand rows instead of a count over up to hundreds of thousands; empty otherwise.
     * Without a person the per-direction day totals answer, a few rows a day.
     */
    Optional<SqlCount> summaryCount() {
        if (!summarised) {
            return Optional.empty();
        }
        return Optional.of(new SqlCount("SELECT COALESCE(SUM(s." + summaryColumn + "), 0) FROM "
                + (perPerson ? "call_day_summary" : "call_day_total") + " s WHERE " + String.join(" AND ", summaryConditions),
                summaryParams));
    }

    /** Whether the view has a "number contains" filter. */
    boolean searchesNumber() {
        return searchesNumber;
    }

    /** The term of a number search that can be looked up in call_number_gram (at least {@link NumberGrams#LENGTH} characters). */
    Optional<String> lookedUpTerm() {
        return Optional.ofNullable(lookedUpTerm);
    }

    /**
     * The statements that give the ids of the period's calls whose caller number, then whose
     * dialled number, contains the term, read from index entries only (parameters: the filter's,
     * and {@code gram}, one of the term's runs): the numbers listed under that run that contain
     * the whole term, then their calls of the period from that number's index. Two statements
     * rather than a UNION, so that a LIMIT stops each as soon as it has read that many. The
     * view's other conditions are not applied yet.
     */
    List<String> numberCandidatesSql() {
        String numbers = "SELECT g.number FROM call_number_gram g WHERE g.tenant_id = :tenant AND g.gram = :gram AND g.number LIKE :number";
        String period = periodOfCalls.stream().map(c -> " AND " + c).reduce("", String::concat);
        // COLLATE: the number indexes are in call_record's collation; compared in the table's binary one they could not be used.
        return List.of("caller", "dialled").stream()
                .map(side -> "SELECT c.id FROM (" + numbers + ") n STRAIGHT_JOIN call_record c FORCE INDEX (ix_call_record_tenant_" + side
                        + "_number) ON c.tenant_id = :tenant AND c." + side + "_number = n.number COLLATE utf8mb4_unicode_ci" + period)
                .toList();
    }

    /** Whether the view is sorted by talk time or duration alone (then the id), the order of a length index. */
    boolean sortedByLength() {
        return lengthIndex != null;
    }

    /**
     * The index hint of a page sorted by a length: read the length's index in order until the
     * page is full ({@code inOrder}), or sort the matching records without it. Named rather than
     * left to the optimizer's estimates, so the plan does not change with table statistics.
     */
    String indexHint(boolean inOrder) {
        if (lengthIndex == null) {
            return "";
        }
        return inOrder ? "FORCE INDEX (" + lengthIndex + ")"
                : "IGNORE INDEX (" + String.join(", ", LENGTH_INDEXES.values().stream().sorted().toList()) + ")";
    }

    long tenantId() {
        return (Long) params.get("tenant");
    }

    /** A counting query and its named parameters. */
    record SqlCount(String sql, Map<String, Object> params) {
    }

    private void add(String condition, String name, Object value) {
        conditions.add(condition);
        params.put(name, value);
    }

    /** A filter on a column that call_record, call_day_summary and call_day_total share. */
    private void both(String column, String name, Object value) {
        add("r." + column + " = :" + name, name, value);
        summarisedIf(true, "s." + column + " = :" + name, name, value);
    }

    /** A filter on a person column, which call_day_total does not have. */
    private void person(String column, String name, Object value) {
        both(column, name, value);
        perPerson = true;
    }

    private void summarisedIf(boolean possible, String condition, String name, Object value) {
        if (!possible) {
            summarised = false;
            return;
        }
        summaryConditions.add(condition);
        summaryParams.put(name, value);
    }

    private static boolean isDate(String value) {
        return value.length() == 10;
    }

    private void sort(List<String> values) {
        List<String> order = new ArrayList<>();
        for (String value : values) {
            String[] parts = value.split(",");
            String column = SORTABLE.get(parts[0].trim());
            if (column == null || parts.length > 2) {
                throw new FieldProblem("sort", "Sort", "'" + value + "' is not a sort of call history; sort by "
                        + String.join(", ", SORTABLE.keySet()) + ", then optionally ,asc or ,desc");
            }
            String direction = parts.length == 2 ? parts[1].trim().toLowerCase() : "asc";
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw new FieldProblem("sort", "Sort", "direction must be asc or desc, not '" + parts[1] + "'");
            }
            order.add(column + " " + direction.toUpperCase());
        }
        if (!order.isEmpty()) {
            String last = order.get(order.size() - 1);
            order.add("r.id " + last.substring(last.lastIndexOf(' ') + 1));
            orderBy = String.join(", ", order);
            lengthIndex = order.size() == 2 ? LENGTH_INDEXES.get(last.substring(0, last.lastIndexOf(' '))) : null;
        }
    }

    /** A date (the start of that day in the tenant's zone; for {@code to}, of the next day), a local date-time, or an instant with an offset. */
    static Instant instant(String field, String value, ZoneId zone, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new FieldProblem(field, "Format", "must be a date (2026-11-01), a local date-time (2026-11-01T08:00) or one with"
                    + " an offset (2026-11-01T08:00:00Z)");
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return Utc.of(instant);
    }

    static long id(String field, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new FieldProblem(field, "Format", "must be a number");
        }
    }

    private static String digits(String field, String value) {
        if (!value.matches("[0-9]{1,20}")) {
            throw new FieldProblem(field, "Format", "must be digits");
        }
        return value;
    }

    /** What a caller or dialled number holds, so that "contains" needs no escaping and compares the same in any collation. */
    private static String dialString(String field, String value) {
        if (!value.matches("[0-9*#+]{1,20}")) {
            throw new FieldProblem(field, "Format", "must be 1 to 20 digits (or * # +)");
        }
        return value;
    }

    static String oneOf(String field, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new FieldProblem(field, "OneOf", "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }
}
