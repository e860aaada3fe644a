package dev.debrief.postmortem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A post-mortem as the API shows it: the stored document, the derived clock and durations, and its items by rank.
 * The document's parts are fields of the view's own JSON, in the document's order, and each {@link Section} is a
 * field of its own, named by {@link Section#field}, after all the others.
 */
public record PostMortemView(
        Long id,
        @JsonUnwrapped @JsonIgnoreProperties("sections") IncidentDocument document,
        PostMortemStatus status,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        @JsonUnwrapped Timing timing,
        List<ActionItemView> actionItems,
        List<LinkView> links) {

    /** The sections as JSON fields, null where none is written. */
    @JsonAnyGetter
    public Map<String, String> sectionFields() {
        return document.sections().byField();
    }

    /** The same view with its clock read at {@code now}. */
    PostMortemView at(Instant now) {
        Timing current = timing.at(now, status == PostMortemStatus.PUBLISHED);
        return current.equals(timing) ? this : new PostMortemView(id, document, status, publishedAt, createdAt,
                updatedAt, version, current, actionItems, links);
    }
}
