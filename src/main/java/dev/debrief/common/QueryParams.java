package dev.debrief.common;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Parses query parameters by hand, because JAX-RS answers a failed query-parameter conversion with
 * 404; a bad filter is the client's mistake and deserves a 400 that names the parameter.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw InvalidFieldsException.of(name, "has the unknown value '" + value + "'; allowed values are " + allowed);
        }
    }

    public static int intValue(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidFieldsException.of(name, "must be a whole number");
        }
        if (parsed < min || parsed > max) {
            throw InvalidFieldsException.of(name, "must be between " + min + " and " + max);
        }
        return parsed;
    }
}
