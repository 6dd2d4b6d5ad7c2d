package org.sharedict.dr.exercises;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.sharedict.dr.exercises.ExerciseDtos.ExerciseInput;
import org.sharedict.platform.partnership.Partnership;

/**
 * A held exercise is not in the future; a scheduled one is not in the past. Judged with the other
 * field rules (so one answer names every bad field) on the validation clock, in the plans' zone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DateFitsStatus.Check.class)
public @interface DateFitsStatus {

    String message() default "does not fit the exercise's status";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<DateFitsStatus, ExerciseInput> {

        @Override
        public boolean isValid(ExerciseInput in, ConstraintValidatorContext context) {
            if (in == null || in.heldOn() == null) {
                return true;
            }
            LocalDate today =
                    LocalDate.ofInstant(context.getClockProvider().getClock().instant(), Partnership.zone());
            boolean scheduled = in.status() == Exercise.Status.SCHEDULED;
            String problem = scheduled && in.heldOn().isBefore(today)
                    ? "a scheduled exercise must be today or later"
                    : !scheduled && in.heldOn().isAfter(today) ? "must be a date in the past or in the present" : null;
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem)
                    .addPropertyNode("heldOn")
                    .addConstraintViolation();
            return false;
        }
    }
}
