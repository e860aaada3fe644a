package dev.debrief.postmortem;

import dev.debrief.common.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a team writes in a post-mortem: the incident facts and the four agenda sections. It is
 * what create and update carry into the aggregate; action items travel separately.
 */
public record IncidentDocument(
        String title,
        Severity severity,
        List<String> services,
        List<String> attendees,
        Instant startedAt,
        Instant detectedAt,
        Instant resolvedAt,
        DetectionSource detectionSource,
        String summary,
        String impact,
        String whatHappened,
        String whyDetectionFailed,
        String whyResponseFailed,
        String whatWeChange,
        List<Timeline> timeline,
        List<String> considered) {

    /** A timeline line as the client sent it. */
    public record Timeline(Instant at, String event) {
    }

    public IncidentDocument {
        services = services == null ? List.of() : services.stream().map(String::strip).distinct().toList();
        attendees = attendees == null ? List.of() : attendees.stream().map(String::strip).distinct().toList();
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        considered = considered == null ? List.of() : considered.stream().map(String::strip).toList();
    }

    /**
     * Rule 4: impact starts, then is detected, then is resolved, and none of it lies in the future
     * (beyond {@code tolerance} of clock skew).
     */
    List<FieldError> timeErrors(Instant now, Duration tolerance) {
        List<FieldError> errors = new ArrayList<>();
        Instant latest = now.plus(tolerance);
        notInFuture(errors, "startedAt", startedAt, latest);
        notInFuture(errors, "detectedAt", detectedAt, latest);
        notInFuture(errors, "resolvedAt", resolvedAt, latest);
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
            notInFuture(errors, "timeline[" + i + "].at", timeline.get(i).at(), latest);
        }
        return errors;
    }

    private static void notInFuture(List<FieldError> errors, String field, Instant value, Instant latest) {
        if (value != null && value.isAfter(latest)) {
            errors.add(new FieldError(field, "must not be in the future"));
        }
    }

    /** Rule 3, the document's part: the four agenda questions answered and the incident detected and resolved. */
    List<FieldError> missingForPublication() {
        List<FieldError> missing = new ArrayList<>();
        requireText(missing, "whatHappened", whatHappened, "What happened?");
        requireText(missing, "whyDetectionFailed", whyDetectionFailed, "Why did our detection fail?");
        requireText(missing, "whyResponseFailed", whyResponseFailed, "Why did our response fail?");
        requireText(missing, "whatWeChange", whatWeChange, "What do we change?");
        if (detectedAt == null) {
            missing.add(new FieldError("detectedAt", "is required to publish: when was the incident detected?"));
        }
        if (resolvedAt == null) {
            missing.add(new FieldError("resolvedAt", "is required to publish: when was the incident resolved?"));
        }
        return missing;
    }

    private static void requireText(List<FieldError> missing, String field, String text, String question) {
        if (text == null || text.isBlank()) {
            missing.add(new FieldError(field, "must answer the agenda question '" + question + "' before publishing"));
        }
    }
}
