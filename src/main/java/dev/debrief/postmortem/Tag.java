package dev.debrief.postmortem;

import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A tag as a request may carry it: one short word or phrase, which the document then stores trimmed and in lower
 * case ({@link IncidentDocument#tag}).
 */
@Documented
@Constraint(validatedBy = TagValidator.class)
@Target(TYPE_USE)
@Retention(RUNTIME)
public @interface Tag {

    String message() default "must be at most " + StoredDocument.MAX_TAG_LENGTH + " letters, digits, spaces or . _ / :"
            + " + # -, starting with a letter or a digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
