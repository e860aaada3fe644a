package dev.debrief.postmortem;

import dev.debrief.common.Display;
import dev.debrief.common.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The stored post-mortem as the edit form showed it. A form shows some values only in part: times to the minute in the
 * team's zone, lists joined with commas, notes on one line, and the browser sends line ends back as CR LF. So a value
 * typed back as it was shown keeps the stored value, and saving the page changes only what the person changed.
 */
final class ShownDocument {

    private final IncidentDocument stored;

    private final Display display;

    /** Stored timeline entries no row has matched yet. */
    private final List<IncidentDocument.Timeline> unmatched;

    private ShownDocument(IncidentDocument stored, Display display) {
        this.stored = stored;
        this.display = display;
        this.unmatched = stored == null ? new ArrayList<>() : new ArrayList<>(stored.timeline());
    }

    /** A new post-mortem's form, which showed nothing stored. */
    static ShownDocument nothing(Display display) {
        return new ShownDocument(null, display);
    }

    static ShownDocument of(IncidentDocument stored, Display display) {
        return new ShownDocument(stored, display);
    }

    /** The time typed in {@code field}: the stored one if it was left as shown. */
    Instant time(Function<IncidentDocument, Instant> part, String field, String typed, List<FieldError> unreadable) {
        Instant was = stored == null ? null : part.apply(stored);
        if (was != null && display.inputValue(was).equals(TypedValues.folded(typed))) {
            return was;
        }
        return typedTime(field, typed, unreadable);
    }

    /** A time as typed, in the team's zone, for a box that showed nothing stored. */
    Instant typedTime(String field, String typed, List<FieldError> unreadable) {
        return TypedValues.time(display, field, typed, unreadable);
    }

    /** The list typed in one box, split at {@code separator}: the stored one if it was left as shown ({@code joiner}). */
    List<String> list(Function<IncidentDocument, List<String>> part, String typed, String joiner, String separator) {
        if (stored != null && sameText(String.join(joiner, part.apply(stored)), typed)) {
            return part.apply(stored);
        }
        return TypedValues.split(typed, separator);
    }

    /** A section's text: the stored one if it was left as shown. */
    String text(Section section, String typed) {
        String was = stored == null ? null : stored.text(section);
        return was != null && sameText(was, typed) ? was : TypedValues.nullIfBlank(typed);
    }

    /** The note typed beside a ticked factor: the stored one if it was left as shown (on one line). */
    String note(long factorId, String typed) {
        if (stored != null) {
            for (IncidentDocument.Factor factor : stored.factors()) {
                if (factor.factorId() != null && factor.factorId() == factorId && factor.note() != null
                        && sameText(factor.note().replaceAll("[\r\n]", ""), typed)) {
                    return factor.note();
                }
            }
        }
        return TypedValues.nullIfBlank(typed);
    }

    /** The stored timeline entry a row shows unchanged (its time and its event), once per entry. */
    Optional<IncidentDocument.Timeline> timelineEntry(String typedAt, String typedEvent) {
        for (IncidentDocument.Timeline entry : unmatched) {
            if (display.inputValue(entry.at()).equals(TypedValues.folded(typedAt))
                    && sameText(entry.event(), typedEvent)) {
                unmatched.remove(entry);
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** The same text, but for line ends and white space around it. */
    private static boolean sameText(String stored, String typed) {
        return typed != null && TypedValues.folded(stored).equals(TypedValues.folded(typed));
    }
}
