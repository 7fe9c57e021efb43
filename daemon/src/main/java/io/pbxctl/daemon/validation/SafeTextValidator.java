package io.pbxctl.daemon.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Pattern;

/** Checks {@link SafeText}; also used at rendering time, so that the rule lives in one place. */
public class SafeTextValidator implements ConstraintValidator<SafeText, String> {

    static final String FORBIDDEN = ";[]${}\\\"<>";
    private static final Pattern DIRECTIVE = Pattern.compile("#[A-Za-z]");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isSafe(value);
    }

    /**
     * '#' alone is fine ("Room #1"), but not before a letter: that is how Asterisk's config
     * directives start ({@code #include}, {@code #tryinclude}, {@code #exec}).
     */
    public static boolean isSafe(String value) {
        return value.codePoints().noneMatch(SafeTextValidator::forbidden) && !DIRECTIVE.matcher(value).find();
    }

    private static boolean forbidden(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT
                || type == Character.UNASSIGNED
                || FORBIDDEN.indexOf(codePoint) >= 0;
    }
}
