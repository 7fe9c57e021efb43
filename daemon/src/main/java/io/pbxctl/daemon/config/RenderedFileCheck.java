package io.pbxctl.daemon.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last guard before a file is written: every line of the rendered output must be a blank
 * line, a comment, a section header with a plain name, or a {@code key = value} /
 * {@code key => value} line. A value that somehow carried a line break, a directive
 * ({@code #include}, {@code #exec}) or a section header would break this shape, so the file is
 * refused and the previous one stays in place.
 */
final class RenderedFileCheck {

    private static final Pattern BLANK_OR_COMMENT = Pattern.compile("^\\s*(?:;.*)?$");
    private static final Pattern SECTION = Pattern.compile("^\\[[A-Za-z0-9._~+@-]{1,80}\\](?:\\((?:!|[A-Za-z0-9._~+-]+)(?:,[A-Za-z0-9._~+-]+)*\\))?$");
    private static final Pattern SETTING = Pattern.compile("^\\s*[A-Za-z_][A-Za-z0-9_]*\\s*(?:=>|=)\\s*[^\\s].*$");

    private RenderedFileCheck() {
    }

    /**
     * Runs once per generated line (half a million for 10,000 users), so the common shape, an
     * ASCII {@code key = value}, is recognised by {@link #plainSetting} without a pattern; every
     * other line goes through the patterns, one reused matcher each.
     */
    static void check(GeneratedFile file, String source, String rendered) {
        Matcher setting = SETTING.matcher("");
        Matcher blankOrComment = BLANK_OR_COMMENT.matcher("");
        Matcher section = SECTION.matcher("");
        int number = 1;
        for (int start = 0; ; number++) {
            int end = rendered.indexOf('\n', start);
            int stop = end < 0 ? rendered.length() : end;
            if (!plainSetting(rendered, start, stop)) {
                String line = rendered.substring(start, stop);
                if (line.indexOf('\r') >= 0 || line.indexOf('\0') >= 0 || !(setting.reset(line).matches()
                        || blankOrComment.reset(line).matches() || section.reset(line).matches())) {
                    throw new RenderRefused(file.path() + " line " + number + " (from " + source
                            + ") is not a comment, a section header or a setting: " + abbreviate(line));
                }
            }
            if (end < 0) {
                return;
            }
            start = end + 1;
        }
    }

    /**
     * Whether {@code text[start, end)} is spaces, a key, spaces, {@code =} or {@code =>}, spaces,
     * then only printable ASCII starting with a non-space: a strict subset of what
     * {@link #SETTING} accepts (no control character, no line terminator), so answering false
     * only means "ask the patterns".
     */
    private static boolean plainSetting(String text, int start, int end) {
        int i = start;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        if (i == end || !(isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
            return false;
        }
        while (i < end && (isLetter(text.charAt(i)) || text.charAt(i) == '_' || (text.charAt(i) >= '0' && text.charAt(i) <= '9'))) {
            i++;
        }
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        if (i == end || text.charAt(i) != '=') {
            return false;
        }
        i++;
        if (i < end && text.charAt(i) == '>') {
            i++;
        }
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        if (i == end) {
            return false;
        }
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static String abbreviate(String line) {
        String printable = line.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 120 ? printable.substring(0, 120) + "..." : printable;
    }

    /** The rendered output has a shape no template of ours produces. */
    static class RenderRefused extends RuntimeException {

        RenderRefused(String message) {
            super(message);
        }
    }
}
