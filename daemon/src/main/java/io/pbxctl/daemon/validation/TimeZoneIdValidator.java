package io.pbxctl.daemon.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.ZoneId;

/** Checks {@link TimeZoneId} against the JDK's region list (offsets like +07:00 are refused: they ignore summer time). */
public class TimeZoneIdValidator implements ConstraintValidator<TimeZoneId, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || ZoneId.getAvailableZoneIds().contains(value);
    }
}
