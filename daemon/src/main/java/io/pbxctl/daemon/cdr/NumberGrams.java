package io.pbxctl.daemon.cdr;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The runs of {@link #LENGTH} characters of a caller or dialled number that a "number contains"
 * search can hold (digits, *, #, +), as call_number_gram lists them (migration 0050 computes the
 * same runs in SQL for the records stored before the table existed).
 */
final class NumberGrams {

    static final int LENGTH = 4;
    private static final String SEARCHABLE = "0123456789*#+";

    private NumberGrams() {
    }

    static Set<String> of(String number) {
        Set<String> grams = new LinkedHashSet<>();
        int run = 0;
        for (int i = 0; i < number.length(); i++) {
            run = SEARCHABLE.indexOf(number.charAt(i)) >= 0 ? run + 1 : 0;
            if (run >= LENGTH) {
                grams.add(number.substring(i + 1 - LENGTH, i + 1));
            }
        }
        return grams;
    }

    /**
     * The runs of {@code term} a search may look up, any of which finds every number containing
     * it: its last characters first (the ends of numbers are spread evenly, their beginnings
     * shared by many: 09, +84, a tenant's own prefix), then its first and its middle ones, for
     * a term whose end is common too.
     */
    static List<String> choices(String term) {
        int last = term.length() - LENGTH;
        return Stream.of(last, 0, last / 2).map(start -> term.substring(start, start + LENGTH)).distinct().toList();
    }
}
