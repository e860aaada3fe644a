package dev.debrief.audit;

/** A field's value before and after a change, as text; {@code null} where there was none. */
public record Change(String field, String from, String to) {
}
