package dev.debrief.postmortem;

import dev.debrief.common.Display;
import dev.debrief.common.FieldError;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads what a person typed into a form's boxes: blank means absent, times are in the team's zone, lists are
 * separated text, and a value that cannot be read is reported by field, not thrown.
 */
final class TypedValues {

    private TypedValues() {
    }

    static Instant time(Display display, String field, String value, List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return display.parseInput(value);
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "must be a date and time such as 2026-03-10T14:05"));
            return null;
        }
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value, List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "has an unknown value"));
            return null;
        }
    }

    static List<String> split(String text, String separator) {
        if (blank(text)) {
            return List.of();
        }
        return Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static Long longOf(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String at(List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i) : "";
    }

    static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    /** What was typed, as forms are compared: line ends folded to LF (browsers send CR LF), stripped; "" for none. */
    static String folded(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    static String nullIfBlank(String text) {
        return blank(text) ? null : text;
    }

    /** Whether the text holds nothing but white space, the no-break and other Unicode spaces included. */
    static boolean blank(String text) {
        return text == null || text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    /** The text with the wildcards of a {@code like ... escape '\\'} pattern escaped, to match it literally. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
