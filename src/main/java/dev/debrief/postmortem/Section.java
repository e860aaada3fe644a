package dev.debrief.postmortem;

import io.quarkus.qute.TemplateEnum;
import java.lang.reflect.RecordComponent;

/**
 * The written sections of a post-mortem, in the order the document reads: the summary and impact, then the
 * four agenda questions every post-mortem answers. This is the one description of them: the JSON field, the
 * label people read, the prompt under the box, and whether it is an agenda question (which publishing needs). The model, the search, the
 * blameless check, the Markdown export and the pages all iterate it. Adding a section is a constant here, a
 * column (migration) with its case in the entity's {@code WrittenSections}, and a field of that name in the API
 * request and in the page's form, which {@link #textIn} reads by name.
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

    // Final values of a constant, so read directly: section.label in the code as in the templates.

    /** The section's name in the API, the form and the entity. */
    public final String field;

    public final String label;

    public final String prompt;

    /** One of the four questions of the agenda, which publishing needs answered. */
    public final boolean agendaQuestion;

    Section(String field, String label, String prompt, boolean agendaQuestion) {
        this.field = field;
        this.label = label;
        this.prompt = prompt;
        this.agendaQuestion = agendaQuestion;
    }

    /**
     * The text {@code holder} carries for this section: the record component, or else the public field, named
     * {@link #field}. The API request and the page form name their boxes after the sections, so they are read
     * here, by name, rather than each through a copy of the same mapping.
     */
    public String textIn(Object holder) {
        try {
            if (holder instanceof Record) {
                for (RecordComponent component : holder.getClass().getRecordComponents()) {
                    if (component.getName().equals(field)) {
                        return (String) component.getAccessor().invoke(holder);
                    }
                }
                throw new IllegalStateException(holder.getClass().getSimpleName() + " has no component " + field);
            }
            return (String) holder.getClass().getField(field).get(holder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(holder.getClass().getSimpleName() + " has no readable " + field, e);
        }
    }
}
