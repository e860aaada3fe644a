package dev.debrief.postmortem;

import io.quarkus.qute.TemplateEnum;
import java.util.Arrays;
import java.util.List;

/**
 * The written sections of a post-mortem, in the order the document reads: the summary and impact, then the
 * four agenda questions every post-mortem answers. This is the one description of them: the JSON field, the
 * label people read, the prompt under the box, and whether publishing needs it. The model, the search, the
 * blameless check, the Markdown export and the pages all iterate it; adding a section is a constant here, a
 * column (migration), the entity's mapping and the API request's field.
 */
@TemplateEnum
public enum Section {
    SUMMARY("summary", "Summary", "Two or three sentences for someone who was not there.", false),
    IMPACT("impact", "Impact", "Who was affected, how much and for how long.", false),
    WHAT_HAPPENED("whatHappened", "What happened?",
            "The sequence of events and their effect on users, in plain words.", true),
    WHY_DETECTION_FAILED("whyDetectionFailed", "Why did our detection fail?",
            "Which signal was missing, late or ignored? How did we find out?", true),
    WHY_RESPONSE_FAILED("whyResponseFailed", "Why did our response fail?",
            "What slowed the fix: access, runbooks, tooling, hand-offs?", true),
    WHAT_WE_CHANGE("whatWeChange", "What do we change?",
            "The changes that would have prevented this or made it smaller.", true);

    private final String field;
    private final String label;
    private final String prompt;
    private final boolean agendaQuestion;

    Section(String field, String label, String prompt, boolean agendaQuestion) {
        this.field = field;
        this.label = label;
        this.prompt = prompt;
        this.agendaQuestion = agendaQuestion;
    }

    /** The field's name in the API, the form and the entity. */
    public String field() {
        return field;
    }

    public String label() {
        return label;
    }

    public String prompt() {
        return prompt;
    }

    /** One of the four questions of the agenda: publishing needs an answer to each. */
    public boolean isAgendaQuestion() {
        return agendaQuestion;
    }

    public boolean isRequiredToPublish() {
        return agendaQuestion;
    }

    /** The four agenda questions, in agenda order. */
    public static List<Section> agenda() {
        return Arrays.stream(values()).filter(Section::isAgendaQuestion).toList();
    }

    /** The sections outside the agenda (summary and impact). */
    public static List<Section> background() {
        return Arrays.stream(values()).filter(section -> !section.isAgendaQuestion()).toList();
    }
}
