package org.sharedict.rota.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date or instant rota-service can work with: in the years {@value Times#FIRST_YEAR} to
 * {@value Times#LAST_YEAR}. Beyond them the database cannot store it and the rotation maths
 * (margins of weeks either side) overflows, so a client learns it as a 400 naming the field.
 * Every {@code Instant} and {@code LocalDate} of a request body carries it (SupportedTimeTest checks).
 */
@Documented
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {SupportedTime.ForInstant.class, SupportedTime.ForDate.class})
public @interface SupportedTime {

    String message() default Times.RANGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class ForInstant implements ConstraintValidator<SupportedTime, Instant> {
        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            return value == null || Times.supported(value);
        }
    }

    class ForDate implements ConstraintValidator<SupportedTime, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || Times.supported(value);
        }
    }
}
