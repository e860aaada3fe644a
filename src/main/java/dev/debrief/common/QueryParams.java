package dev.debrief.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses query parameters by hand, because JAX-RS answers a failed query-parameter conversion with
 * 404; a bad filter is the client's mistake and deserves a 400 that names the parameter.
 */
public final class QueryParams {

    private static final String MOMENT = "must be a date (2026-11-30) or an instant (2026-11-30T09:00:00Z)";

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw InvalidFieldsException.of(name, "has the unknown value '" + value + "'; allowed values are " + allowed);
        }
    }

    /** Free text from a query parameter (a search, an owner, a service), refused if it has control characters. */
    public static String text(String name, String value) {
        if (value != null && hasControlCharacters(value)) {
            throw InvalidFieldsException.of(name, "must not contain control characters");
        }
        if (value != null && hasHalfACharacter(value)) {
            throw InvalidFieldsException.of(name, HALF_A_CHARACTER);
        }
        return value;
    }

    /** Why text holding half of a character is refused. */
    public static final String HALF_A_CHARACTER = "must be whole characters: it holds half of one (an unpaired"
            + " UTF-16 surrogate), which the database would store as '?'";

    /** Whether the text holds a UTF-16 surrogate without its other half, which no character encoding can store. */
    public static boolean hasHalfACharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** C0 control characters other than tab, line feed and carriage return (PostgreSQL refuses NUL in text). */
    public static boolean hasControlCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    public static int intValue(String name, String value, int fallback, int min, int max) {
        int parsed = parsed(name, value, fallback, Integer::parseInt, "must be a whole number");
        if (parsed < min || parsed > max) {
            throw InvalidFieldsException.of(name, "must be between " + min + " and " + max);
        }
        return parsed;
    }

    /**
     * A query parameter read with {@code parser}: {@code fallback} when it is absent or blank, a 400 naming it
     * with {@code expected} when the parser refuses it.
     */
    public static <T> T parsed(String name, String value, T fallback, Function<String, T> parser, String expected) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw InvalidFieldsException.of(name, expected);
        }
    }

    /**
     * The start of a period from a query parameter: an instant ({@code 2026-11-30T09:00:00Z}), or a day in the
     * team's {@code zone}, from its first moment; none when absent, a 400 naming it when it is neither.
     */
    public static Instant from(String name, String value, ZoneId zone) {
        return parsed(name, value, null, moment(zone, false), MOMENT);
    }

    /** The end of a period the same way: an instant, or a day in {@code zone}, up to its last moment. */
    public static Instant until(String name, String value, ZoneId zone) {
        return parsed(name, value, null, moment(zone, true), MOMENT);
    }


    private static Function<String, Instant> moment(ZoneId zone, boolean endOfDay) {
        return text -> {
            if (text.contains("T")) {
                return Instant.parse(text);
            }
            LocalDate day = LocalDate.parse(text);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        };
    }
}
