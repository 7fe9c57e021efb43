package io.pbxctl.daemon.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An IANA time zone such as Asia/Ho_Chi_Minh or Europe/Warsaw. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TimeZoneIdValidator.class)
public @interface TimeZoneId {

    String message() default "must be an IANA time zone such as Asia/Ho_Chi_Minh or Europe/Warsaw";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
