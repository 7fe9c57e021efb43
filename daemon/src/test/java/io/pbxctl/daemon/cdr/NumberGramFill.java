package io.pbxctl.daemon.cdr;

/**
 * For records that a test or the benchmark inserts directly rather than through the import: the
 * statement of migration 0049 that lists their numbers in call_number_gram, for the records
 * matching {@code condition} (over call_record).
 */
public final class NumberGramFill {

    private NumberGramFill() {
    }

    public static String sql(String condition) {
        return """
                INSERT IGNORE INTO call_number_gram (tenant_id, gram, number)
                SELECT n.tenant_id, SUBSTRING(n.number, p.pos, 4), n.number
                FROM (SELECT tenant_id, caller_number AS number FROM call_record WHERE %1$s
                      UNION SELECT tenant_id, dialled_number FROM call_record WHERE %1$s) n
                  JOIN (WITH RECURSIVE run_start (pos) AS (SELECT 1 UNION ALL SELECT pos + 1 FROM run_start WHERE pos < 77)
                        SELECT pos FROM run_start) p ON p.pos <= CHAR_LENGTH(n.number) - 3
                WHERE SUBSTRING(n.number, p.pos, 4) COLLATE utf8mb4_bin REGEXP '^[0-9*#+]{4}$'""".formatted(condition);
    }
}
