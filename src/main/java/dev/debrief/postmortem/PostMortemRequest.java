package dev.debrief.postmortem;

import static dev.debrief.common.Limited.TextKind.LINE;
import static dev.debrief.common.Limited.TextKind.NAME;
import static dev.debrief.common.Limited.TextKind.SECTION;
import static dev.debrief.common.Limited.TextKind.TITLE;

import dev.debrief.common.Limited;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * The body of create and update. It accepts what GET returns: read-only and derived fields are simply
 * not read, and {@code version} is required on update only.
 */
public record PostMortemRequest(
        @NotBlank @Limited(TITLE) String title,
        @NotNull Severity severity,
        @Limited(NAME) String team,
        @Size(max = 50) List<@NotBlank @Limited(NAME) String> services,
        @Size(max = StoredDocument.MAX_TAGS) List<@NotNull @Tag String> tags,
        @Size(max = StoredDocument.MAX_FACTORS) List<@NotNull @Valid FactorLine> factors,
        @Size(max = 50) List<@NotBlank @Limited(NAME) String> attendees,
        @NotNull Instant startedAt,
        Instant detectedAt,
        Instant resolvedAt,
        DetectionSource detectionSource,
        @Limited(SECTION) String summary,
        @Limited(SECTION) String impact,
        @Limited(SECTION) String whatHappened,
        @Limited(SECTION) String whyDetectionFailed,
        @Limited(SECTION) String whyResponseFailed,
        @Limited(SECTION) String whatWeChange,
        @Size(max = 500) List<@NotNull @Valid TimelineLine> timeline,
        @Size(max = 50) List<@NotBlank @Limited(LINE) String> considered,
        Long version) {

    /** A contributing factor in a request: the factor's id (its name, which GET shows, is not read) and a note. */
    public record FactorLine(@NotNull Long factorId, String factor, @Limited(LINE) String note) {
    }

    /** A timeline line in a request. */
    public record TimelineLine(@NotNull Instant at, @NotBlank @Limited(LINE) String event) {
    }

    /**
     * The request that carries a document (whose timeline is given as request lines, which may lack a time or a
     * text the constraints will then name): what the write page sends the same way as a JSON body.
     */
    public static PostMortemRequest of(IncidentDocument doc, List<TimelineLine> timeline, Long version) {
        return new PostMortemRequest(doc.title(), doc.severity(), doc.team(), doc.services(), doc.tags(),
                doc.factors().stream().map(f -> new FactorLine(f.factorId(), f.factor(), f.note())).toList(),
                doc.attendees(), doc.startedAt(), doc.detectedAt(), doc.resolvedAt(), doc.detectionSource(),
                doc.text(Section.SUMMARY),
                doc.text(Section.IMPACT), doc.text(Section.WHAT_HAPPENED), doc.text(Section.WHY_DETECTION_FAILED),
                doc.text(Section.WHY_RESPONSE_FAILED), doc.text(Section.WHAT_WE_CHANGE), timeline, doc.considered(),
                version);
    }

    IncidentDocument toDocument() {
        return IncidentDocument.builder().title(title).severity(severity).team(team).services(services).tags(tags)
                .factors(factors == null ? null : factors.stream()
                        .map(f -> new IncidentDocument.Factor(f.factorId(), null, f.note())).toList())
                .attendees(attendees)
                .startedAt(startedAt).detectedAt(detectedAt).resolvedAt(resolvedAt).detectionSource(detectionSource)
                .sections(SectionTexts.of(section -> section.textIn(this)))
                .timeline(timeline == null ? null
                        : timeline.stream().map(t -> new IncidentDocument.Timeline(t.at(), t.event())).toList())
                .considered(considered).build();
    }
}
