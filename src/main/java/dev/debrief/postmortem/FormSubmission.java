package dev.debrief.postmortem;

import static dev.debrief.postmortem.TypedValues.at;
import static dev.debrief.postmortem.TypedValues.blank;
import static dev.debrief.postmortem.TypedValues.enumOf;
import static dev.debrief.postmortem.TypedValues.longOf;
import static dev.debrief.postmortem.TypedValues.nullIfBlank;
import static dev.debrief.postmortem.TypedValues.size;

import dev.debrief.common.Display;
import dev.debrief.common.FieldError;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The write/edit form read into the API's requests: the post-mortem, and what each slot asks of the item it shows
 * ({@code item} null when the slot is empty); {@code unreadable} lists what could not be read at all.
 */
public record FormSubmission(PostMortemRequest document, List<SlotRequest> slots, List<FieldError> unreadable) {

    /** One slot as a request: the stored item it shows ({@code itemId}, with the version read), and its content. */
    public record SlotRequest(int rank, Long itemId, Long itemVersion, ActionItemRequest item) {

        /** The name errors use for one of this slot's fields, e.g. {@code items[0].title}. */
        public String field(String name) {
            return PostMortemForm.itemField(rank, name);
        }
    }

    /** Reads the form of a new post-mortem. */
    public static FormSubmission read(PostMortemForm form, Display display) {
        return read(form, ShownDocument.nothing(display));
    }

    /** Reads the edit form of {@code stored}: what was left as the form showed it keeps its stored value. */
    public static FormSubmission read(PostMortemForm form, IncidentDocument stored, Display display) {
        return read(form, ShownDocument.of(stored, display));
    }

    /**
     * Reads the form. Blank boxes are absent values, which the requests' constraints then judge exactly as they
     * judge a JSON body; only what cannot be read is reported here.
     */
    private static FormSubmission read(PostMortemForm form, ShownDocument shown) {
        List<FieldError> unreadable = new ArrayList<>();
        List<PostMortemRequest.TimelineLine> timeline = new ArrayList<>();
        List<PostMortemForm.Row> rows = form.rows();
        for (PostMortemForm.Row row : rows.subList(0, rows.size() - 2)) {
            timeline.add(shown.timelineEntry(row.at(), row.event())
                    .map(entry -> new PostMortemRequest.TimelineLine(entry.at(), entry.event()))
                    .orElseGet(() -> new PostMortemRequest.TimelineLine(
                            shown.typedTime(row.field("at"), row.at(), unreadable), nullIfBlank(row.event()))));
        }
        IncidentDocument document = IncidentDocument.builder()
                .title(nullIfBlank(form.title))
                .severity(enumOf(Severity.class, "severity", form.severity, unreadable))
                .team(nullIfBlank(form.team))
                .services(shown.list(IncidentDocument::services, form.services, ", ", ","))
                .tags(shown.list(IncidentDocument::tags, form.tags, ", ", ","))
                .factors(factors(form, shown, unreadable))
                .attendees(shown.list(IncidentDocument::attendees, form.attendees, ", ", ","))
                .startedAt(shown.time(IncidentDocument::startedAt, "startedAt", form.startedAt, unreadable))
                .detectedAt(shown.time(IncidentDocument::detectedAt, "detectedAt", form.detectedAt, unreadable))
                .resolvedAt(shown.time(IncidentDocument::resolvedAt, "resolvedAt", form.resolvedAt, unreadable))
                .detectionSource(enumOf(DetectionSource.class, "detectionSource", form.detectionSource, unreadable))
                .sections(SectionTexts.of(section -> shown.text(section, form.text(section))))
                .considered(shown.list(IncidentDocument::considered, form.considered, "\n", "\n"))
                .build();
        for (int i = PostMortemForm.SLOTS; i < size(form.itemTitle); i++) {
            if (!blank(at(form.itemTitle, i))) {
                unreadable.add(new FieldError("form", "A post-mortem has at most three action items, ranked 1 to 3 "
                        + "by impact. Keep the three that matter most and write the other ideas under \"Considered, "
                        + "not chosen\"."));
                break;
            }
        }
        List<SlotRequest> slots = form.slots().stream().map(slot -> slotRequest(slot, unreadable)).toList();
        return new FormSubmission(PostMortemRequest.of(document, timeline, longOf(form.version)), slots, unreadable);
    }

    private static SlotRequest slotRequest(PostMortemForm.Slot slot, List<FieldError> unreadable) {
        ActionItemRequest item = null;
        if (!slot.isEmpty()) {
            LocalDate due = null;
            if (!blank(slot.dueDate())) {
                try {
                    due = LocalDate.parse(slot.dueDate().strip());
                } catch (DateTimeException e) {
                    unreadable.add(new FieldError(slot.field("dueDate"), "must be a date such as 2026-03-24"));
                }
            }
            item = new ActionItemRequest(slot.rank(), nullIfBlank(slot.title()), nullIfBlank(slot.owner()), null,
                    due, enumOf(ActionItemKind.class, slot.field("kind"), slot.kind(), unreadable), null, null, null,
                    null, longOf(slot.itemVersion()));
        }
        return new SlotRequest(slot.rank(), longOf(slot.itemId()), longOf(slot.itemVersion()), item);
    }

    /** The ticked factors, each with the note typed beside it, in the order the page lists them. */
    private static List<IncidentDocument.Factor> factors(PostMortemForm form, ShownDocument shown,
            List<FieldError> unreadable) {
        List<IncidentDocument.Factor> chosen = new ArrayList<>();
        for (int i = 0; i < size(form.factorOption); i++) {
            String id = at(form.factorOption, i);
            if (form.factor != null && form.factor.contains(id)) {
                Long factorId = longOf(id);
                if (factorId == null) {
                    unreadable.add(new FieldError("factors", "lists a factor the page does not know"));
                } else {
                    chosen.add(new IncidentDocument.Factor(factorId, null, shown.note(factorId, at(form.factorNote, i))));
                }
            }
        }
        return chosen;
    }
}
