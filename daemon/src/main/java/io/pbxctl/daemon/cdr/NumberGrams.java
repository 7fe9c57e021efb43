package io.pbxctl.daemon.cdr;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The runs of {@link #LENGTH} characters of a caller or dialled number that a "number contains"
 * search can hold (digits, *, #, +), as call_number_gram lists them (migration 0049 computes the
 * same runs in SQL for the records stored before it).
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
     * The run a search for {@code term} looks up: its last characters, as the ends of numbers are
     * spread evenly while their beginnings are shared by many (0 9x, +84, a tenant's own prefix).
     */
    static String lookedUp(String term) {
        return term.substring(term.length() - LENGTH);
    }
}
