package io.pbxctl.daemon.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.ApiTestSupport;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The query plans that keep history fast at ten million records (docs/performance.md), checked
 * on a small tenant with MariaDB's EXPLAIN and the session's handler counters (index entries
 * read): a plan that regresses to sorting or to reading rows fails here, long before a
 * benchmark would show it. Each plan's rows are also checked against the same view computed in
 * Java, so a fast plan cannot lose the order of ties or a match.
 */
class HistoryPlansTests extends ApiTestSupport {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    /** October and November 2026; half of the records fall in November, the month the views read. */
    private static final int RECORDS = 20_000;
    private static final Instant NOVEMBER = Instant.parse("2026-10-31T17:00:00Z");
    private static final Instant DECEMBER = Instant.parse("2026-11-30T17:00:00Z");
    private static final long FIRST_USER = 7_000_000_000L;
    /** The caller of 6 calls, 3 of them in November; the other numbers have one call each. */
    private static final String REGULAR = "+84988776655";

    @Autowired
    private DataSource dataSource;
    @Autowired
    private CallHistory history;

    private long tenant;
    private List<Row> november;

    /** One record as the reference computations need it. */
    record Row(long id, int talk, long user, String direction, String caller, String dialled) {
    }

    @BeforeEach
    void records() {
        tenant = newTenant("VN").id();
        jdbc.sql("""
                INSERT INTO call_record (tenant_id, uniqueid, linkedid, sequence, started_at, answered_at, ended_at, duration_seconds,
                  talk_seconds, direction, disposition, user_id, department_id, caller_number, caller_name, dialled_number, channel,
                  peer_channel, imported_at)
                SELECT :tenant, CONCAT('plan-', :tenant, '-', seq), CONCAT('plan-', :tenant, '-', seq), 1, started, NULL, started,
                  5 + seq % 97, seq % 97, ELT(1 + seq % 3, 'INBOUND', 'LOCAL', 'MOBILE'), IF(seq % 97 > 0, 'ANSWERED', 'NO_ANSWER'),
                  :firstUser + seq % 40, NULL, CONCAT('09', LPAD(seq * 7919 % 100000000, 8, '0')), '',
                  CONCAT('0', 900000000 + seq * 31 % 99999999), 'PJSIP/plan', '', NOW()
                FROM (SELECT seq, TIMESTAMP'2026-09-30 17:00:00' + INTERVAL (seq * 61 * 86400 DIV :records) SECOND AS started
                      FROM seq_0_to_""" + (RECORDS - 1) + ") g")
                .param("tenant", tenant).param("firstUser", FIRST_USER).param("records", RECORDS).update();
        // Three calls a month from one number, so that a number's calls span the period's bounds.
        jdbc.sql("""
                INSERT INTO call_record (tenant_id, uniqueid, linkedid, sequence, started_at, answered_at, ended_at, duration_seconds,
                  talk_seconds, direction, disposition, user_id, department_id, caller_number, caller_name, dialled_number, channel,
                  peer_channel, imported_at)
                SELECT :tenant, CONCAT('plan-', :tenant, '-regular-', seq), CONCAT('plan-', :tenant, '-regular-', seq), 1, started,
                  NULL, started, 60, 55, 'INBOUND', 'ANSWERED', :firstUser + 99, NULL, :regular, '', '1001', 'PJSIP/plan', '',
                  NOW()
                FROM (SELECT seq, TIMESTAMP'2026-09-30 17:00:00' + INTERVAL (seq * 10 + 3) DAY AS started FROM seq_0_to_5) g""")
                .param("tenant", tenant).param("firstUser", FIRST_USER).param("regular", REGULAR).update();
        jdbc.sql(NumberGramFill.sql()).update();
        jdbc.sql("""
                INSERT INTO call_day_summary (tenant_id, day, user_id, department_id, account_owner_id, direction, records, calls,
                  answered, talk_seconds)
                SELECT tenant_id, DATE(started_at + INTERVAL 7 HOUR), user_id, 0, 0, direction, COUNT(*), COUNT(*),
                  SUM(disposition = 'ANSWERED'), SUM(talk_seconds)
                FROM call_record WHERE tenant_id = ? GROUP BY 1, 2, 3, 4, 5, 6""").param(tenant).update();
        jdbc.sql("""
                INSERT INTO call_day_total (tenant_id, day, direction, records, calls, answered, talk_seconds)
                SELECT tenant_id, day, direction, SUM(records), SUM(calls), SUM(answered), SUM(talk_seconds)
                FROM call_day_summary WHERE tenant_id = ? GROUP BY tenant_id, day, direction""").param(tenant).update();
        jdbc.sql("ANALYZE TABLE call_record, call_day_summary, call_day_total").query().listOfRows();
        november = jdbc.sql("""
                SELECT id, talk_seconds, user_id, direction, caller_number, dialled_number FROM call_record
                WHERE tenant_id = ? AND started_at >= ? AND started_at < ?""")
                .params(tenant, utc(NOVEMBER), utc(DECEMBER))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6))).list();
    }

    @Test
    void aMonthSortedByTalkTimeIsReadInOrderFromTheTalkIndexNotSorted() throws SQLException {
        HistoryFilter filter = filter("from=2026-11-01", "to=2026-11-30", "sort=talkSeconds,desc");
        Comparator<Row> longestFirst = Comparator.comparingInt(Row::talk).thenComparingLong(Row::id).reversed();
        boolean inOrder = history.inLengthOrder(tenant, november.size(), 4 * 50);
        assertThat(inOrder).isTrue();

        Map<String, Object> plan = plan(filter, inOrder);
        assertThat(plan.get("key")).isEqualTo("ix_call_record_tenant_talk_order");
        assertThat((String) plan.get("Extra")).contains("Using index").doesNotContain("filesort");
        Reads page3 = ids(filter, inOrder, 3, 50);
        assertThat(page3.ids()).as("ties in id order").isEqualTo(expected(november, longestFirst, 3, 50));
        assertThat(page3.indexEntries()).as("about (offset + size) x records / matching, not the month's " + november.size())
                .isLessThan(1_000);
    }

    @Test
    void aFewRecordsSortedByTalkTimeAreSortedNotLookedForInTheTalkIndex() throws SQLException {
        long user = FIRST_USER + 7;
        HistoryFilter filter = filter("from=2026-11-01", "to=2026-11-30", "userId=" + user, "sort=talkSeconds,asc");
        List<Row> users = november.stream().filter(r -> r.user() == user).toList();
        Comparator<Row> shortestFirst = Comparator.comparingInt(Row::talk).thenComparingLong(Row::id);
        boolean inOrder = history.inLengthOrder(tenant, users.size(), 2 * 50);
        assertThat(inOrder).isFalse();

        Map<String, Object> plan = plan(filter, inOrder);
        assertThat(plan.get("key")).isEqualTo("ix_call_record_tenant_user");
        assertThat((String) plan.get("Extra")).contains("filesort");
        Reads page = ids(filter, inOrder, 1, 50);
        assertThat(page.ids()).isEqualTo(expected(users, shortestFirst, 1, 50));
        assertThat(page.indexEntries()).as("the user's month, not the tenant's talk index").isLessThanOrEqualTo(users.size() + 1);
    }

    @Test
    void numberContainsLooksUpTheNumbersHoldingTheTermThenReadsOnlyIndexEntriesOfTheirCallsOfThePeriod() throws SQLException {
        Comparator<Row> newestFirst = Comparator.comparingLong(Row::id).reversed();
        for (String term : List.of("4567", "45678", "0912", "8776655", REGULAR, "+849887")) {
            HistoryFilter filter = filter("from=2026-11-01", "to=2026-11-30", "number=" + term);
            List<Row> matching = november.stream().filter(r -> r.caller().contains(term) || r.dialled().contains(term)).toList();
            assertThat(matching).as(term).isNotEmpty();
            String run = history.rarestRun(tenant, term).orElseThrow();
            Map<String, Object> params = new HashMap<>(filter.params());
            params.put("gram", run);
            List<String> sides = filter.numberCandidatesSql();
            assertThat(sides).hasSize(2);
            long entries = 0;
            for (int side = 0; side < 2; side++) {
                String sql = sides.get(side);
                List<Map<String, Object>> plan = onOneConnection(template -> template.queryForList("EXPLAIN " + sql, params));
                assertThat(plan).as("no table or period read whole: %s", plan)
                        .noneMatch(row -> "ALL".equals(row.get("type")) || "index".equals(row.get("type")));
                assertThat(plan).filteredOn(row -> "c".equals(row.get("table"))).as("index entries only: %s", plan)
                        .allMatch(row -> String.valueOf(row.get("Extra")).contains("Using index"))
                        .extracting(row -> row.get("key"))
                        .containsExactly(side == 0 ? "ix_call_record_tenant_caller_number" : "ix_call_record_tenant_dialled_number");
                assertThat(plan).filteredOn(row -> "g".equals(row.get("table"))).extracting(row -> row.get("key")).containsOnly("PRIMARY");
                entries += read(sql, params).indexEntries();
            }
            long numbers = jdbc.sql("SELECT COUNT(*) FROM call_number_gram WHERE tenant_id = ? AND gram = ?").params(tenant, run)
                    .query(Long.class).single();
            assertThat(entries).as("%s: the numbers under %s (%d), and their calls", term, run, numbers)
                    .isLessThanOrEqualTo(2 * numbers + 4L * matching.size() + 10);
            assertThat(history.lookedUp(filter).orElseThrow()).as(term).isEqualTo(expected(matching, newestFirst, 0, matching.size()));
        }
        assertThat(history.lookedUp(filter("from=2026-11-01", "to=2026-11-30", "number=" + REGULAR)).orElseThrow())
                .as("only the period's calls of the number").hasSize(3);
        assertThat(history.lookedUp(filter("number=" + REGULAR)).orElseThrow()).as("without a period, all its calls").hasSize(6);
    }

    @Test
    void aRunListingTooManyNumbersIsNotLookedUpUnlessTheTermHasARarerOne() {
        jdbc.sql("INSERT INTO call_number_gram (tenant_id, gram, number) SELECT ?, '7777', CONCAT('7777', seq) FROM seq_1_to_"
                + CallHistory.COMMON_RUN).param(tenant).update();
        assertThat(history.rarestRun(tenant, "7777")).isEmpty();
        assertThat(history.lookedUp(filter("number=7777"))).as("read from the period's index instead").isEmpty();
        assertThat(history.rarestRun(tenant, "77770001")).as("a rarer run").hasValueSatisfying(run -> assertThat(run).isNotEqualTo("7777"));
        jdbc.sql("INSERT INTO call_number_gram (tenant_id, gram, number) SELECT ?, '0001', CONCAT(seq, '0001') FROM seq_1_to_"
                + CallHistory.COMMON_RUN).param(tenant).update();
        assertThat(history.rarestRun(tenant, "77770001")).as("its middle run, when its last and first are common").contains("7700");
    }

    @Test
    void aSearchMatchingMoreCallsThanAreFewIsCountedAndPagedOverThePeriod() {
        String busy = "02473001234";
        jdbc.sql("""
                INSERT INTO call_record (tenant_id, uniqueid, linkedid, sequence, started_at, answered_at, ended_at, duration_seconds,
                  talk_seconds, direction, disposition, user_id, department_id, caller_number, caller_name, dialled_number, channel,
                  peer_channel, imported_at)
                SELECT :tenant, CONCAT('plan-', :tenant, '-busy-', seq), CONCAT('plan-', :tenant, '-busy-', seq), 1,
                  TIMESTAMP'2026-11-01 00:00:00' + INTERVAL seq MINUTE, NULL, TIMESTAMP'2026-11-01 00:00:00' + INTERVAL seq MINUTE, 1, 0,
                  'INBOUND', 'NO_ANSWER', :firstUser + 99, NULL, '0900000000', '', :busy, 'PJSIP/plan', '', NOW()
                FROM seq_1_to_""" + (CallHistory.FEW_MATCHES + 1))
                .param("tenant", tenant).param("firstUser", FIRST_USER).param("busy", busy).update();
        jdbc.sql(NumberGramFill.sql()).update();
        HistoryFilter filter = filter("from=2026-11-01", "to=2026-11-30", "number=3001234");

        assertThat(history.lookedUp(filter).orElseThrow()).as("stopped after one more than are few").hasSize(CallHistory.FEW_MATCHES + 1);
        var page = history.page(filter, Map.of("size", List.of("10"), "page", List.of("2")));
        List<Long> newest = jdbc.sql("SELECT id FROM call_record WHERE tenant_id = ? AND dialled_number = ? ORDER BY started_at DESC, id DESC")
                .params(tenant, busy).query(Long.class).list();
        assertThat(page.totalItems()).isEqualTo(CallHistory.FEW_MATCHES + 1);
        assertThat(page.items()).extracting(CallRecordView::id).isEqualTo(newest.subList(20, 30));
    }

    @Test
    void aShortNumberTermReadsOnlyIndexEntriesOfThePeriodAndOnceWhenTheyAreFew() throws SQLException {
        HistoryFilter filter = filter("from=2026-11-01", "to=2026-11-30", "number=45");
        List<Row> matching = november.stream().filter(r -> r.caller().contains("45") || r.dialled().contains("45")).toList();
        assertThat(matching).hasSizeBetween(50, Math.min(CallHistory.FEW_MATCHES, november.size() / 2));
        Comparator<Row> newestFirst = Comparator.comparingLong(Row::id).reversed();

        for (String sql : List.of(CallHistory.fewMatchesSql(filter), CallHistory.pageIdsSql(filter, false),
                "SELECT COUNT(*) FROM call_record r WHERE " + filter.where())) {
            Map<String, Object> plan = explain(sql, pageParams(filter, 0, 50));
            assertThat(plan.get("key")).as(sql).isEqualTo("ix_call_record_tenant_started_numbers");
            assertThat((String) plan.get("Extra")).as("index only: " + sql).contains("Using index").doesNotContain("filesort");
        }
        Reads all = read(CallHistory.fewMatchesSql(filter), filter.params());
        assertThat(all.ids()).as("every match, for the total and the page").isEqualTo(expected(matching, newestFirst, 0, matching.size()));
        assertThat(all.indexEntries()).as("the period's entries, once").isLessThanOrEqualTo(november.size() + 1);
        assertThat(ids(filter, false, 1, 50).ids()).isEqualTo(expected(matching, newestFirst, 1, 50));
    }

    @Test
    void aPersonsTotalReadsThatPersonsSummaryRowsAndATenantsTotalTheDayTotals() throws SQLException {
        HistoryFilter person = filter("from=2026-10-01", "to=2026-11-30", "userId=" + (FIRST_USER + 3));
        HistoryFilter.SqlCount count = person.summaryCount().orElseThrow();
        assertThat(count.sql()).contains("call_day_summary");
        Map<String, Object> plan = explain(count.sql(), count.params());
        assertThat(plan.get("key")).isEqualTo("ix_call_day_summary_user");
        assertThat(jdbc.sql(count.sql()).params(count.params()).query(Long.class).single()).isEqualTo((long) RECORDS / 40);

        HistoryFilter direction = filter("from=2026-11-01", "to=2026-11-30", "direction=MOBILE");
        HistoryFilter.SqlCount days = direction.summaryCount().orElseThrow();
        assertThat(days.sql()).contains("call_day_total");
        assertThat(explain(days.sql(), days.params()).get("key")).isEqualTo("PRIMARY");
        assertThat(jdbc.sql(days.sql()).params(days.params()).query(Long.class).single())
                .isEqualTo(november.stream().filter(r -> r.direction().equals("MOBILE")).count());
    }

    private HistoryFilter filter(String... parameters) {
        Map<String, List<String>> query = new HashMap<>();
        for (String parameter : parameters) {
            String[] pair = parameter.split("=", 2);
            query.put(pair[0], List.of(pair[1]));
        }
        return HistoryFilter.of(new HistoryScope.Scope(tenant, HANOI, null), query, CallHistory.PAGING);
    }

    private Map<String, Object> plan(HistoryFilter filter, boolean inOrder) throws SQLException {
        return explain(CallHistory.pageIdsSql(filter, inOrder), pageParams(filter, 0, 50));
    }

    private static Map<String, Object> pageParams(HistoryFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>(filter.params());
        params.put("size", size);
        params.put("offset", page * size);
        return params;
    }

    /** EXPLAIN's row of call_record (alias r) or of a summary (alias s): the index it reads and how. */
    private Map<String, Object> explain(String sql, Map<String, Object> params) throws SQLException {
        return onOneConnection(template -> template.queryForList("EXPLAIN " + sql, params).stream()
                .filter(row -> List.of("r", "s").contains(row.get("table"))).findFirst().orElseThrow());
    }

    /** A page's ids and how many index entries MariaDB read for them (Handler_read_next and _prev of the session). */
    record Reads(List<Long> ids, long indexEntries) {
    }

    private Reads ids(HistoryFilter filter, boolean inOrder, int page, int size) throws SQLException {
        return read(CallHistory.pageIdsSql(filter, inOrder), pageParams(filter, page, size));
    }

    private Reads read(String sql, Map<String, Object> params) throws SQLException {
        return onOneConnection(template -> {
            long before = indexReads(template);
            List<Long> ids = template.queryForList(sql, params, Long.class);
            return new Reads(ids, indexReads(template) - before);
        });
    }

    private static long indexReads(NamedParameterJdbcTemplate template) {
        return template.getJdbcTemplate()
                .queryForList("SHOW SESSION STATUS WHERE Variable_name IN ('Handler_read_next', 'Handler_read_prev')").stream()
                .mapToLong(row -> Long.parseLong(row.get("Value").toString())).sum();
    }

    /** Session counters count per connection: the statement and the counters it is measured with share one. */
    private <T> T onOneConnection(Function<NamedParameterJdbcTemplate, T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(new NamedParameterJdbcTemplate(new JdbcTemplate(new SingleConnectionDataSource(connection, true))));
        }
    }

    private static List<Long> expected(List<Row> rows, Comparator<Row> order, int page, int size) {
        return rows.stream().sorted(order).skip((long) page * size).limit(size).map(Row::id).toList();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
