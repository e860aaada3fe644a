package dev.debrief.importing;

import dev.debrief.postmortem.Section;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the text under a heading goes: one of the post-mortem's {@link Section}s, or one of its other parts. Each
 * has the headings that common templates (Google SRE workbook, Atlassian, PagerDuty, GitLab, home-grown) give it,
 * compared without case, numbering or punctuation; docs/import.md lists them.
 */
enum Destination {
    SUMMARY(Section.SUMMARY),
    IMPACT(Section.IMPACT),
    WHAT_HAPPENED(Section.WHAT_HAPPENED),
    WHY_DETECTION_FAILED(Section.WHY_DETECTION_FAILED),
    WHY_RESPONSE_FAILED(Section.WHY_RESPONSE_FAILED),
    WHAT_WE_CHANGE(Section.WHAT_WE_CHANGE),
    TIMELINE(null),
    ACTION_ITEMS(null),
    CONSIDERED(null),
    ATTENDEES(null),
    SERVICES(null),
    FACTORS(null),
    FACTS(null);

    /** The longest heading that may name a field, without its parentheses: as long as a title may be. */
    private static final int LONGEST_HEADING = 200;

    private final Section section;

    Destination(Section section) {
        this.section = section;
    }

    /** The section this text fills, if it is one. */
    Optional<Section> section() {
        return Optional.ofNullable(section);
    }

    /** The name of the field in the API's post-mortem ({@code whatHappened}, {@code timeline}, ...). */
    String field() {
        if (section != null) {
            return section.field;
        }
        return switch (this) {
            case TIMELINE -> "timeline";
            case ACTION_ITEMS -> "actionItems";
            case CONSIDERED -> "considered";
            case ATTENDEES -> "attendees";
            case SERVICES -> "services";
            case FACTORS -> "factors";
            default -> "facts";
        };
    }

    /** The headings that mean this destination, normalised as {@link #normalise} does. */
    List<String> synonyms() {
        if (section != null) {
            List<String> label = List.of(normalise(section.label));
            return concat(label, switch (section) {
                case SUMMARY -> List.of("summary", "executive summary", "overview", "tldr", "tl dr",
                        "incident summary", "description", "abstract");
                case IMPACT -> List.of("impact", "customer impact", "user impact", "business impact",
                        "impact assessment", "scope", "severity and impact");
                case WHAT_HAPPENED -> List.of("what happened", "root cause", "root causes", "root cause analysis",
                        "rca", "cause", "causes", "trigger", "incident description",
                        "narrative", "background", "what went wrong", "technical details");
                case WHY_DETECTION_FAILED -> List.of("detection", "why detection failed",
                        "why did detection fail", "how was it detected", "how we found out", "monitoring",
                        "alerting", "detection and alerting");
                case WHY_RESPONSE_FAILED -> List.of("response", "why response failed", "why did the response fail",
                        "incident response", "resolution", "recovery", "resolution and recovery", "mitigation",
                        "remediation", "how we fixed it");
                case WHAT_WE_CHANGE -> List.of("what we change", "what will we change", "lessons learned",
                        "lessons", "learnings", "what we learned", "prevention", "how we prevent it",
                        "what we will do differently", "what can be improved", "what could be improved", "improvements");
            });
        }
        return switch (this) {
            case TIMELINE -> List.of("timeline", "incident timeline", "chronology", "sequence of events",
                    "timeline of events", "detailed timeline");
            case ACTION_ITEMS -> List.of("action items", "action item", "follow ups", "follow up", "followups",
                    "corrective actions", "corrective and preventative actions", "next steps", "remediation items",
                    "tasks", "todo", "to do", "actions");
            case CONSIDERED -> List.of("considered not chosen", "considered", "ideas considered",
                    "alternatives considered", "other ideas");
            case ATTENDEES -> List.of("attendees", "participants", "people", "who was there", "responders");
            case SERVICES -> List.of("services", "affected services", "services affected", "systems affected",
                    "affected systems", "components");
            case FACTORS -> List.of("contributing factors", "factors", "causal factors");
            default -> List.of("stats", "facts", "incident details", "details", "metadata", "key facts",
                    "summary table", "incident data");
        };
    }

    /**
     * The destination a heading names: the whole heading, else one of its parts ("Action items / Follow-ups"),
     * without a parenthesis ("Timeline (all times UTC)"). A heading longer than a title names none.
     */
    static Optional<Destination> of(String heading) {
        String plain = Spans.replaced(heading, "(", ")", " ");
        if (plain.length() > LONGEST_HEADING) {
            return Optional.empty();
        }
        List<String> candidates = concat(List.of(normalise(plain)),
                Arrays.stream(plain.split("/|&|\\band\\b|,")).map(Destination::normalise).toList());
        for (String candidate : candidates) {
            for (Destination destination : values()) {
                if (destination.synonyms().contains(candidate)) {
                    return Optional.of(destination);
                }
            }
        }
        return Optional.empty();
    }

    /** Lower case, no numbering ("2.", "IV."), no punctuation, single spaces. */
    static String normalise(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("^\\s*([0-9]+|[ivx]+)[.)]\\s+", "")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
