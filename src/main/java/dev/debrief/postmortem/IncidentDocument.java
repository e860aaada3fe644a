package dev.debrief.postmortem;

import dev.debrief.common.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Everything a team writes in a post-mortem: the incident facts and the written {@link Section}s. It is
 * what create and update carry into the aggregate; action items travel separately. Build one with
 * {@link #builder()}, which names every part, so two texts or two times cannot be swapped unnoticed.
 */
public record IncidentDocument(
        String title,
        Severity severity,
        String team,
        List<String> services,
        List<String> tags,
        List<Factor> factors,
        List<String> attendees,
        Instant startedAt,
        Instant detectedAt,
        Instant resolvedAt,
        DetectionSource detectionSource,
        SectionTexts sections,
        List<Timeline> timeline,
        List<String> considered) {

    private static final Pattern TAG = Pattern.compile(StoredDocument.TAG_PATTERN);

    /**
     * A contributing factor of the incident: the factor's id (what a request gives), its name (what a view shows;
     * a request's is not read) and how it contributed, if said.
     */
    public record Factor(Long factorId, String factor, String note) {

        public Factor {
            note = note == null || note.isBlank() ? null : note.strip();
        }
    }

    /** A timeline line as the client sent it. */
    public record Timeline(Instant at, String event) {
    }

    public IncidentDocument {
        team = team == null || team.isBlank() ? null : team.strip();
        services = services == null ? List.of() : services.stream().map(String::strip).distinct().toList();
        tags = tags == null ? List.of() : tags.stream().map(IncidentDocument::tag).distinct().toList();
        factors = factors == null ? List.of() : List.copyOf(factors);
        attendees = attendees == null ? List.of() : attendees.stream().map(String::strip).distinct().toList();
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        considered = considered == null ? List.of() : considered.stream().map(String::strip).toList();
        sections = sections == null ? SectionTexts.none() : sections;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A tag as it is stored and compared: trimmed, in lower case. */
    public static String tag(String text) {
        return text == null ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code text} may be sent as a tag ({@link Tag}: the same length and pattern). */
    public static boolean isTag(String text) {
        return text != null && tag(text).length() <= StoredDocument.MAX_TAG_LENGTH && TAG.matcher(text).matches();
    }

    /** The text of one section, or null when it is not written. */
    public String text(Section section) {
        return sections.get(section);
    }

    /**
     * Rule 4: impact starts, then is detected, then is resolved, and none of it lies in the future
     * (beyond {@code tolerance} of clock skew) or before 1970 ({@link TimeBounds}).
     */
    List<FieldError> timeErrors(Instant now, Duration tolerance) {
        List<FieldError> errors = new ArrayList<>();
        Instant latest = now.plus(tolerance);
        within(errors, "startedAt", startedAt, latest);
        within(errors, "detectedAt", detectedAt, latest);
        within(errors, "resolvedAt", resolvedAt, latest);
        if (startedAt != null && detectedAt != null && detectedAt.isBefore(startedAt)) {
            errors.add(new FieldError("detectedAt", "must not be before startedAt (" + startedAt + ")"));
        }
        if (startedAt != null && resolvedAt != null && resolvedAt.isBefore(startedAt)) {
            errors.add(new FieldError("resolvedAt", "must not be before startedAt (" + startedAt + ")"));
        }
        if (detectedAt != null && resolvedAt != null && resolvedAt.isBefore(detectedAt)) {
            errors.add(new FieldError("resolvedAt", "must not be before detectedAt (" + detectedAt + ")"));
        }
        for (int i = 0; i < timeline.size(); i++) {
            within(errors, "timeline[" + i + "].at", timeline.get(i).at(), latest);
        }
        return errors;
    }

    private static void within(List<FieldError> errors, String field, Instant value, Instant latest) {
        if (value != null && value.isAfter(latest)) {
            errors.add(new FieldError(field, "must not be in the future"));
        } else if (value != null && value.isBefore(TimeBounds.EARLIEST)) {
            errors.add(new FieldError(field, "must not be before 1970"));
        }
    }

    /** Rule 3, the document's part: the four agenda questions answered and the incident detected and resolved. */
    List<FieldError> missingForPublication() {
        List<FieldError> missing = new ArrayList<>();
        for (Section section : Section.values()) {
            if (section.agendaQuestion && !sections.isWritten(section)) {
                missing.add(new FieldError(section.field, "must answer the agenda question '" + section.label
                        + "' before publishing"));
            }
        }
        if (detectedAt == null) {
            missing.add(new FieldError("detectedAt", "is required to publish: when was the incident detected?"));
        }
        if (resolvedAt == null) {
            missing.add(new FieldError("resolvedAt", "is required to publish: when was the incident resolved?"));
        }
        return missing;
    }

    /** Names each part of a document as it is set; parts not set are empty. */
    public static final class Builder {

        private String title;
        private Severity severity;
        private String team;
        private List<String> services;
        private List<String> tags;
        private List<Factor> factors;
        private List<String> attendees;
        private Instant startedAt;
        private Instant detectedAt;
        private Instant resolvedAt;
        private DetectionSource detectionSource;
        private SectionTexts sections;
        private List<Timeline> timeline;
        private List<String> considered;

        private Builder() {
        }

        public Builder title(String value) {
            title = value;
            return this;
        }

        public Builder severity(Severity value) {
            severity = value;
            return this;
        }

        public Builder team(String value) {
            team = value;
            return this;
        }

        public Builder tags(List<String> value) {
            tags = value;
            return this;
        }

        public Builder factors(List<Factor> value) {
            factors = value;
            return this;
        }

        public Builder services(List<String> value) {
            services = value;
            return this;
        }

        public Builder attendees(List<String> value) {
            attendees = value;
            return this;
        }

        public Builder startedAt(Instant value) {
            startedAt = value;
            return this;
        }

        public Builder detectedAt(Instant value) {
            detectedAt = value;
            return this;
        }

        public Builder resolvedAt(Instant value) {
            resolvedAt = value;
            return this;
        }

        public Builder detectionSource(DetectionSource value) {
            detectionSource = value;
            return this;
        }

        public Builder sections(SectionTexts value) {
            sections = value;
            return this;
        }

        public Builder timeline(List<Timeline> value) {
            timeline = value;
            return this;
        }

        public Builder considered(List<String> value) {
            considered = value;
            return this;
        }

        public IncidentDocument build() {
            return new IncidentDocument(title, severity, team, services, tags, factors, attendees, startedAt,
                    detectedAt, resolvedAt, detectionSource, sections, timeline, considered);
        }
    }
}
