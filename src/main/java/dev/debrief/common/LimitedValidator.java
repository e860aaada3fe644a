package dev.debrief.common;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

@Dependent
public class LimitedValidator implements ConstraintValidator<Limited, String> {

    /** Looked up when used: validators are built at static init, before runtime configuration exists. */
    @Inject
    Provider<DebriefConfig> config;

    private Limited.TextKind kind;

    @Override
    public void initialize(Limited annotation) {
        kind = annotation.value();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (kind.isSingleLine() && value.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\t')) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be a single line, without line breaks or tabs")
                    .addConstraintViolation();
            return false;
        }
        if (QueryParams.hasControlCharacters(value)) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must not contain control characters other than tabs and "
                    + "line breaks").addConstraintViolation();
            return false;
        }
        if (QueryParams.hasHalfACharacter(value)) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(QueryParams.HALF_A_CHARACTER).addConstraintViolation();
            return false;
        }
        int limit = kind.limit(config.get().limits());
        if (value.length() <= limit) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must be at most " + limit + " characters long (it has "
                + value.length() + ")").addConstraintViolation();
        return false;
    }
}
