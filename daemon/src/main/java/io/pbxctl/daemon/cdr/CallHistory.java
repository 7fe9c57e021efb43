package io.pbxctl.daemon.cdr;

import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.system.PageResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads call history: one page with its total, or every record of a filtered view one at a
 * time for the exports. A page picks its ids from the index first and only then reads the
 * rows and names (a deferred join), so a deep page does not read the skipped rows. A call's
 * recording is the registered recording of the file its record names, in the same tenant: the
 * dialplan writes one string both as MixMonitor's file and as the record's CDR(pbx_recording),
 * and recording.file_path is unique (ascii, so the record's column is converted for the index).
 */
@Service
class CallHistory {

    static final Set<String> PAGING = Set.of("page", "size");
    private static final int MAX_SIZE = 500;
    /**
     * A number search that matches at most this many records takes its total and its page from
     * one read of the matching ids ({@link #lookedUp}, else {@link #fewMatchesSql}); one that
     * matches more is counted, then paged, over every index entry of the period.
     */
    static final int FEW_MATCHES = 5_000;
    /**
     * A run of 4 characters listing this many of a tenant's numbers is too common to look up:
     * each number costs two index lookups, more than the entries of a month of most tenants.
     */
    static final int COMMON_RUN = 5_000;
    private static final String COLUMNS = """
            r.id, r.started_at, r.answered_at, r.ended_at, r.duration_seconds, r.talk_seconds, r.direction, r.disposition,
            r.user_id, u.name, r.department_id, d.name, r.device_id, r.peer_user_id, pu.name, r.account_owner_id, o.name,
            r.account_label, r.caller_number, r.caller_name, r.dialled_number, r.recording_file,
            (rec.id IS NOT NULL AND rec.deleted_at IS NULL AND rec.duration_seconds > 0)""";
    private static final String NAMES = """
            LEFT JOIN pbx_user u ON u.id = r.user_id
            LEFT JOIN department d ON d.id = r.department_id
            LEFT JOIN pbx_user pu ON pu.id = r.peer_user_id
            LEFT JOIN pbx_user o ON o.id = r.account_owner_id
            LEFT JOIN recording rec ON rec.file_path = CONVERT(r.recording_file USING ascii) COLLATE ascii_bin
              AND rec.tenant_id = r.tenant_id""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;

    CallHistory(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(template);
    }

    PageResponse<CallRecordView> page(HistoryFilter filter, Map<String, List<String>> query) {
        int page = number(query, "page", 0, 0, Integer.MAX_VALUE);
        int size = number(query, "size", 50, 1, MAX_SIZE);
        long offset = (long) page * size;
        if (filter.searchesNumber()) {
            List<Long> matching = lookedUp(filter)
                    .orElseGet(() -> jdbc.sql(fewMatchesSql(filter)).params(filter.params()).query(Long.class).list());
            if (matching.size() <= FEW_MATCHES) {
                List<Long> ids = matching.subList((int) Math.min(offset, matching.size()), (int) Math.min(offset + size, matching.size()));
                List<CallRecordView> items = ids.isEmpty() ? List.of() : jdbc.sql("SELECT " + COLUMNS + " FROM call_record r " + NAMES
                        + " WHERE r.id IN (:ids) ORDER BY " + filter.orderBy()).param("ids", ids).query((rs, n) -> view(rs)).list();
                return response(items, page, size, matching.size());
            }
        }
        long total = filter.summaryCount()
                .map(count -> jdbc.sql(count.sql()).params(count.params()).query(Long.class).single())
                .orElseGet(() -> jdbc.sql("SELECT COUNT(*) FROM call_record r WHERE " + filter.where()).params(filter.params())
                        .query(Long.class).single());
        if (offset >= total) {
            return response(List.of(), page, size, total);
        }
        String ids = pageIdsSql(filter, filter.sortedByLength() && inLengthOrder(filter.tenantId(), total, offset + size));
        List<CallRecordView> items = jdbc.sql("SELECT " + COLUMNS + " FROM (" + ids + ") p JOIN call_record r ON r.id = p.id " + NAMES
                        + " ORDER BY " + filter.orderBy())
                .params(filter.params()).param("size", size).param("offset", offset).query((rs, n) -> view(rs)).list();
        return response(items, page, size, total);
    }

    private static PageResponse<CallRecordView> response(List<CallRecordView> items, int page, int size, long total) {
        return new PageResponse<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    /** The ids of a number search's records in the page's order, read from the period's index, one more than {@link #FEW_MATCHES} at most. */
    static String fewMatchesSql(HistoryFilter filter) {
        return "SELECT r.id FROM call_record r " + filter.indexHint(false) + " WHERE " + filter.where() + " ORDER BY " + filter.orderBy()
                + " LIMIT " + (FEW_MATCHES + 1);
    }

    /**
     * A number search's records in the page's order, found through call_number_gram: the
     * candidates are read from index entries only, and their rows (at most {@link #FEW_MATCHES})
     * only then. More than that many candidates is answered with one more id than
     * {@link #FEW_MATCHES}, so that the page is counted over the period. Empty when the term
     * is too short to be looked up or when even its rarest run lists {@link #COMMON_RUN}
     * numbers or more: reading the period's index then costs less than looking up each number.
     */
    Optional<List<Long>> lookedUp(HistoryFilter filter) {
        Optional<String> gram = filter.lookedUpTerm().flatMap(term -> rarestRun(filter.tenantId(), term));
        if (gram.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> candidates = new LinkedHashSet<>();
        for (String sql : filter.numberCandidatesSql()) {
            candidates.addAll(jdbc.sql(sql + " LIMIT " + (FEW_MATCHES + 1)).params(filter.params()).param("gram", gram.get())
                    .query(Long.class).list());
            if (candidates.size() > FEW_MATCHES) {
                return Optional.of(List.copyOf(candidates));
            }
        }
        if (candidates.isEmpty()) {
            return Optional.of(List.of());
        }
        return Optional.of(jdbc.sql(candidateRowsSql(filter)).params(filter.params()).param("candidates", candidates)
                .query(Long.class).list());
    }

    /** The candidates' ids that the whole view matches, in the page's order (parameter {@code candidates}). */
    static String candidateRowsSql(HistoryFilter filter) {
        return "SELECT r.id FROM call_record r WHERE r.id IN (:candidates) AND " + filter.where() + " ORDER BY " + filter.orderBy();
    }

    /**
     * Of the runs a search for {@code term} may look up, the one listing the fewest numbers of
     * the tenant (the first of equals), each counted up to {@link #COMMON_RUN} in one statement;
     * empty when all list that many.
     */
    Optional<String> rarestRun(long tenantId, String term) {
        List<String> runs = NumberGrams.choices(term);
        String counts = String.join(", ", Collections.nCopies(runs.size(),
                "(SELECT COUNT(*) FROM (SELECT 1 FROM call_number_gram WHERE tenant_id = ? AND gram = ? LIMIT " + COMMON_RUN + ") listed)"));
        List<Object> params = new ArrayList<>();
        runs.forEach(run -> params.addAll(List.of(tenantId, run)));
        List<Long> listed = jdbc.sql("SELECT " + counts).params(params)
                .query((rs, n) -> {
                    List<Long> row = new ArrayList<>();
                    for (int column = 1; column <= runs.size(); column++) {
                        row.add(rs.getLong(column));
                    }
                    return row;
                }).single();
        return IntStream.range(0, runs.size()).filter(i -> listed.get(i) < COMMON_RUN).boxed()
                .min(Comparator.comparing(listed::get)).map(runs::get);
    }

    /**
     * Whether a page sorted by a length, ending at record {@code end} of {@code total}, is read
     * in order from the length's index rather than sorted. That index holds all of the tenant's
     * records and the matching ones are spread through it, so filling the page passes over about
     * end x tenant's records / total entries, where sorting reads the total: the smaller wins (the
     * first page of a month out of twelve passes over 600 entries instead of sorting the month;
     * a user's few hundred calls are sorted). The tenant's records are summed from call_day_total.
     */
    boolean inLengthOrder(long tenantId, long total, long end) {
        long tenantRecords = jdbc.sql("SELECT COALESCE(SUM(records), 0) FROM call_day_total WHERE tenant_id = ?").param(tenantId)
                .query(Long.class).single();
        return end * tenantRecords <= total * total;
    }

    /** The statement that picks a page's ids (parameters {@code size} and {@code offset} besides the filter's) from an index. */
    static String pageIdsSql(HistoryFilter filter, boolean inLengthOrder) {
        return "SELECT r.id FROM call_record r " + filter.indexHint(inLengthOrder) + " WHERE " + filter.where() + " ORDER BY "
                + filter.orderBy() + " LIMIT :size OFFSET :offset";
    }

    /** Hands every record of the view to {@code each}, reading them from the database in slices rather than all at once. */
    void each(HistoryFilter filter, Consumer<CallRecordView> each) {
        streaming.query("SELECT " + COLUMNS + " FROM call_record r " + NAMES + " WHERE " + filter.where() + " ORDER BY "
                + filter.orderBy(), filter.params(), (RowCallbackHandler) rs -> each.accept(view(rs)));
    }

    private static CallRecordView view(ResultSet rs) throws SQLException {
        String recording = rs.getString(22);
        return new CallRecordView(rs.getLong(1), instant(rs, 2), instant(rs, 3), instant(rs, 4), rs.getInt(5), rs.getInt(6),
                rs.getString(7), rs.getString(8), rs.getObject(9, Long.class), rs.getString(10), rs.getObject(11, Long.class),
                rs.getString(12), rs.getObject(13, Long.class), rs.getObject(14, Long.class), rs.getString(15),
                rs.getObject(16, Long.class), rs.getString(17), rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21),
                recording != null, recording, rs.getBoolean(23));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static int number(Map<String, List<String>> query, String name, int fallback, int min, int max) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(values.get(0));
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw new FieldProblem(name, "Range", "must be a number from " + min + " to " + max);
    }
}
