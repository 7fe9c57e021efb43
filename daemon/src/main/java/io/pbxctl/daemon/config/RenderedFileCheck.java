package io.pbxctl.daemon.config;

import java.util.regex.Pattern;

/**
 * The last guard before a file is written: every line of the rendered output must be a blank
 * line, a comment, a section header with a plain name, or a {@code key = value} /
 * {@code key => value} line. A value that somehow carried a line break, a directive
 * ({@code #include}, {@code #exec}) or a section header would break this shape, so the file is
 * refused and the previous one stays in place.
 */
final class RenderedFileCheck {

    private static final Pattern BLANK_OR_COMMENT = Pattern.compile("^\\s*(;.*)?$");
    private static final Pattern SECTION = Pattern.compile("^\\[[A-Za-z0-9._~+@-]{1,80}\\](\\((!|[A-Za-z0-9._~+-]+)(,[A-Za-z0-9._~+-]+)*\\))?$");
    private static final Pattern SETTING = Pattern.compile("^\\s*[A-Za-z_][A-Za-z0-9_]*\\s*(=>|=)\\s*[^\\s].*$");

    private RenderedFileCheck() {
    }

    static void check(GeneratedFile file, String source, String rendered) {
        String[] lines = rendered.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.indexOf('\r') >= 0 || line.indexOf('\0') >= 0 || !(BLANK_OR_COMMENT.matcher(line).matches()
                    || SECTION.matcher(line).matches() || SETTING.matcher(line).matches())) {
                throw new RenderRefused(file.path() + " line " + (i + 1) + " (from " + source
                        + ") is not a comment, a section header or a setting: " + abbreviate(line));
            }
        }
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
