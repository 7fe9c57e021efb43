package io.pbxctl.daemon.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text that may reach an Asterisk configuration file (names, descriptions, labels):
 * any language's letters are welcome, but nothing that could end a line, open a section,
 * start a comment, expand a variable or break a quoted caller ID.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SafeTextValidator.class)
public @interface SafeText {

    String message() default "must not contain control characters, line breaks, any of ; [ ] $ { } \\ \" < >, or # before a letter";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
