package dev.debrief.postmortem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A post-mortem as the API shows it: the stored document, the derived clock and durations, and its items by rank.
 * Each {@link Section} is a field of its own in the JSON, named by {@link Section#field}.
 */
public record PostMortemView(
        Long id,
        String title,
        Severity severity,
        List<String> services,
        List<String> attendees,
        Instant startedAt,
        Instant detectedAt,
        Instant resolvedAt,
        DetectionSource detectionSource,
        @JsonIgnore SectionTexts sections,
        List<Timeline> timeline,
        List<String> considered,
        PostMortemStatus status,
        Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Long timeToDetectMinutes,
        Long timeToResolveMinutes,
        Instant writeUpDueAt,
        boolean writeUpOverdue,
        boolean publishedLate,
        List<ActionItemView> actionItems) {

    /** A timeline line. */
    public record Timeline(Instant at, String event) {
    }

    /** The sections as JSON fields, null where none is written. */
    @JsonAnyGetter
    public Map<String, String> sectionFields() {
        return sections.byField();
    }

    /** The text of one section, or null when it is not written. */
    public String text(Section section) {
        return sections.get(section);
    }

    /** The written document this view shows, as the model reads it (for the checks that run on documents). */
    public IncidentDocument document() {
        return IncidentDocument.builder().title(title).severity(severity).services(services).attendees(attendees)
                .startedAt(startedAt).detectedAt(detectedAt).resolvedAt(resolvedAt).detectionSource(detectionSource)
                .sections(sections).timeline(timeline.stream().map(t -> new IncidentDocument.Timeline(t.at(),
                        t.event())).toList())
                .considered(considered).build();
    }

    static PostMortemView of(PostMortem pm, Instant now, Duration window) {
        IncidentDocument doc = pm.document();
        return new PostMortemView(pm.getId(), doc.title(), doc.severity(), doc.services(), doc.attendees(),
                doc.startedAt(), doc.detectedAt(), doc.resolvedAt(), doc.detectionSource(), doc.sections(),
                doc.timeline().stream().map(t -> new Timeline(t.at(), t.event())).toList(), doc.considered(),
                pm.getStatus(), pm.getPublishedAt(), pm.getCreatedAt(), pm.getUpdatedAt(), pm.getVersion(),
                pm.timeToDetectMinutes(), pm.timeToResolveMinutes(), pm.writeUpDueAt(window),
                pm.isWriteUpOverdue(now, window), pm.isPublishedLate(window),
                pm.getActionItems().stream().map(ActionItemView::of).toList());
    }
}
