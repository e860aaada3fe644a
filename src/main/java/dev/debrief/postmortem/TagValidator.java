package dev.debrief.postmortem;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks a {@link Tag} as it will be stored: trimmed and in lower case, which may make it longer ("İ" is two). */
public class TagValidator implements ConstraintValidator<Tag, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || IncidentDocument.isTag(value);
    }
}
