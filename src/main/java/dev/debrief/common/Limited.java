package dev.debrief.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text no longer than the configured limit for its kind ({@code debrief.limits.*}), without control characters,
 * and on one line unless it is a section; the limits live in configuration, so they cannot be constants in
 * {@code @Size}.
 */
@Documented
@Constraint(validatedBy = LimitedValidator.class)
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Limited {

    TextKind value();

    String message() default "is too long";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The kinds of text Debrief stores, each with its own limit. */
    enum TextKind {
        TITLE(200), SECTION(100_000), LINE(2000), NAME(100);

        private final int columnWidth;

        TextKind(int columnWidth) {
            this.columnWidth = columnWidth;
        }

        /** The width of the database columns holding this kind of text: the highest limit allowed. */
        public int columnWidth() {
            return columnWidth;
        }

        /** Titles, names and lines are one line of text: a line break or tab in them is refused. */
        public boolean isSingleLine() {
            return this != SECTION;
        }

        public int limit(DebriefConfig.Limits limits) {
            return switch (this) {
                case TITLE -> limits.title();
                case SECTION -> limits.section();
                case LINE -> limits.line();
                case NAME -> limits.name();
            };
        }
    }
}
