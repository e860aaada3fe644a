package dev.debrief.common;

/**
 * One failing field in a problem response: {@code field} is the JSON property path the client sent
 * (for example {@code detectedAt} or {@code timeline[2].event}).
 */
public record FieldError(String field, String message) {
}
