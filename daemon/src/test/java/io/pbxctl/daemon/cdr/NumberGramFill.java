package io.pbxctl.daemon.cdr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * For records that a test or the benchmark inserts directly rather than through the import:
 * migration 0050's statement that lists the numbers of every record in call_number_gram
 * (read from the changelog, so that what tests check is what a database being upgraded runs).
 */
public final class NumberGramFill {

    private static final String CHANGE = "db/changes/0050-fill-call-number-gram-table.yaml";

    private NumberGramFill() {
    }

    @SuppressWarnings("unchecked")
    public static String sql() {
        try (InputStream in = NumberGramFill.class.getClassLoader().getResourceAsStream(CHANGE)) {
            if (in == null) {
                throw new IllegalStateException(CHANGE + " is not on the class path");
            }
            Map<String, Object> log = new Yaml().load(in);
            Map<String, Object> changeSet = (Map<String, Object>) ((List<Map<String, Object>>) log.get("databaseChangeLog")).get(0)
                    .get("changeSet");
            List<Map<String, Map<String, String>>> changes = (List<Map<String, Map<String, String>>>) changeSet.get("changes");
            return changes.stream().map(change -> change.get("sql").get("sql")).filter(sql -> sql.startsWith("INSERT"))
                    .reduce((a, b) -> {
                        throw new IllegalStateException("more than one INSERT in " + CHANGE);
                    }).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
