package dev.debrief.postmortem;

import static dev.debrief.postmortem.TypedValues.at;
import static dev.debrief.postmortem.TypedValues.blank;
import static dev.debrief.postmortem.TypedValues.enumOf;
import static dev.debrief.postmortem.TypedValues.longOf;
import static dev.debrief.postmortem.TypedValues.nullIfBlank;
import static dev.debrief.postmortem.TypedValues.size;
import static dev.debrief.postmortem.TypedValues.split;
import static dev.debrief.postmortem.TypedValues.time;

import dev.debrief.common.Display;
import dev.debrief.common.FieldError;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The fields of the write/edit page as the browser posts them: times in the team's zone from
 * {@code datetime-local} inputs, lists as comma- or line-separated text, and three action-item slots ranked
 * 1 to 3. A class rather than a record, because Quarkus REST fills form beans field by field.
 * {@link #toRequests} reads it into the very requests the JSON API takes, so the page and the API are validated
 * by the same constraints and saved by the same service methods; the form itself only reports what it cannot
 * read (a malformed time, an unknown value, a fourth item).
 */
public class PostMortemForm {

    public static final int SLOTS = 3;

    @RestForm
    public String title;
    @RestForm
    public String severity;
    @RestForm
    public String team;
    @RestForm
    public String services;
    @RestForm
    public String tags;
    @RestForm
    public List<String> factor;
    @RestForm
    public List<String> factorOption;
    @RestForm
    public List<String> factorNote;
    @RestForm
    public String attendees;
    @RestForm
    public String startedAt;
    @RestForm
    public String detectedAt;
    @RestForm
    public String resolvedAt;
    @RestForm
    public String detectionSource;
    @RestForm
    public String summary;
    @RestForm
    public String impact;
    @RestForm
    public String whatHappened;
    @RestForm
    public String whyDetectionFailed;
    @RestForm
    public String whyResponseFailed;
    @RestForm
    public String whatWeChange;
    @RestForm
    public List<String> timelineAt;
    @RestForm
    public List<String> timelineEvent;
    @RestForm
    public String considered;
    @RestForm
    public String version;
    @RestForm
    public List<String> itemId;
    @RestForm
    public List<String> itemVersion;
    @RestForm
    public List<String> itemTitle;
    @RestForm
    public List<String> itemOwner;
    @RestForm
    public List<String> itemDueDate;
    @RestForm
    public List<String> itemKind;

    /** One action-item slot as typed; {@code itemId} is set when the slot shows a stored item. */
    public record Slot(int rank, String itemId, String itemVersion, String title, String owner, String dueDate,
            String kind) {

        public boolean isEmpty() {
            return blank(title) && blank(owner) && blank(dueDate);
        }

        /** The name errors use for one of this slot's fields, e.g. {@code items[0].title}. */
        public String field(String name) {
            return "items[" + (rank - 1) + "]." + name;
        }
    }

    /** One timeline row as typed; {@code index} counts from 0. */
    public record Row(int index, String at, String event) {

        public int number() {
            return index + 1;
        }

        /** The name errors use for one of this row's fields, e.g. {@code timeline[0].at}. */
        public String field(String name) {
            return "timeline[" + index + "]." + name;
        }
    }

    /**
     * The form read into the API's requests: the post-mortem, and what each slot asks of the item it shows
     * ({@code item} null when the slot is empty); {@code unreadable} lists what could not be read at all.
     */
    public record Submission(PostMortemRequest document, List<SlotRequest> slots, List<FieldError> unreadable) {
    }

    /** One slot as a request: the stored item it shows ({@code itemId}, with the version read), and its content. */
    public record SlotRequest(int rank, Long itemId, Long itemVersion, ActionItemRequest item) {

        /** The name errors use for one of this slot's fields, e.g. {@code items[0].title}. */
        public String field(String name) {
            return "items[" + (rank - 1) + "]." + name;
        }
    }

    public static PostMortemForm of(PostMortemView pm, Display display) {
        IncidentDocument doc = pm.document();
        PostMortemForm form = new PostMortemForm();
        form.title = doc.title();
        form.severity = doc.severity().name();
        form.team = doc.team() == null ? "" : doc.team();
        form.services = String.join(", ", doc.services());
        form.tags = String.join(", ", doc.tags());
        form.factor = doc.factors().stream().map(f -> String.valueOf(f.factorId())).toList();
        form.factorOption = form.factor;
        form.factorNote = doc.factors().stream().map(f -> f.note() == null ? "" : f.note()).toList();
        form.attendees = String.join(", ", doc.attendees());
        form.startedAt = display.inputValue(doc.startedAt());
        form.detectedAt = display.inputValue(doc.detectedAt());
        form.resolvedAt = display.inputValue(doc.resolvedAt());
        form.detectionSource = doc.detectionSource() == null ? "" : doc.detectionSource().name();
        for (Section section : Section.values()) {
            form.setText(section, doc.text(section));
        }
        form.timelineAt = doc.timeline().stream().map(t -> display.inputValue(t.at())).toList();
        form.timelineEvent = doc.timeline().stream().map(IncidentDocument.Timeline::event).toList();
        form.considered = String.join("\n", doc.considered());
        form.version = String.valueOf(pm.version());
        String[] ids = new String[SLOTS];
        String[] versions = new String[SLOTS];
        String[] titles = new String[SLOTS];
        String[] owners = new String[SLOTS];
        String[] dues = new String[SLOTS];
        String[] kinds = new String[SLOTS];
        for (ActionItemView item : pm.actionItems()) {
            ActionItemDraft written = item.draft();
            int i = written.priority() - 1;
            ids[i] = String.valueOf(item.id());
            versions[i] = String.valueOf(item.version());
            titles[i] = written.title();
            owners[i] = written.owner();
            dues[i] = written.dueDate() == null ? "" : written.dueDate().toString();
            kinds[i] = written.kind().name();
        }
        form.itemId = Arrays.asList(ids);
        form.itemVersion = Arrays.asList(versions);
        form.itemTitle = Arrays.asList(titles);
        form.itemOwner = Arrays.asList(owners);
        form.itemDueDate = Arrays.asList(dues);
        form.itemKind = Arrays.asList(kinds);
        return form;
    }

    /**
     * After a conflict: the versions now stored become the ones this form was read from, so that saving again
     * (after merging by hand) overwrites them knowingly; everything typed stays.
     */
    void rebaseOn(PostMortemView theirs) {
        version = String.valueOf(theirs.version());
        List<String> ids = slots().stream().map(Slot::itemId).toList();
        List<String> versions = new ArrayList<>(slots().stream().map(Slot::itemVersion).toList());
        for (ActionItemView item : theirs.actionItems()) {
            int i = item.draft().priority() - 1;
            if (String.valueOf(item.id()).equals(ids.get(i))) {
                versions.set(i, String.valueOf(item.version()));
            }
        }
        itemVersion = versions;
    }

    public List<Slot> slots() {
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            slots.add(new Slot(i + 1, at(itemId, i), at(itemVersion, i), at(itemTitle, i), at(itemOwner, i),
                    at(itemDueDate, i), at(itemKind, i)));
        }
        return slots;
    }

    /** The timeline rows typed so far, plus two empty rows to type into. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        int n = Math.max(size(timelineAt), size(timelineEvent));
        for (int i = 0; i < n; i++) {
            if (!blank(at(timelineAt, i)) || !blank(at(timelineEvent, i))) {
                rows.add(new Row(rows.size(), at(timelineAt, i), at(timelineEvent, i)));
            }
        }
        rows.add(new Row(rows.size(), "", ""));
        rows.add(new Row(rows.size(), "", ""));
        return rows;
    }

    /** Whether the factor with this id is ticked. */
    public boolean hasFactor(Long id) {
        return factor != null && factor.contains(String.valueOf(id));
    }

    /** The note typed beside the factor with this id; each factor's box posts its id beside its note. */
    public String noteOf(Long id) {
        int i = factorOption == null ? -1 : factorOption.indexOf(String.valueOf(id));
        return i < 0 ? "" : at(factorNote, i);
    }

    /** The text typed for a section, in the box named after it. */
    public String text(Section section) {
        return section.textIn(this);
    }

    private void setText(Section section, String text) {
        try {
            PostMortemForm.class.getField(section.field).set(this, text);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the form has no box for " + section.field, e);
        }
    }

    /** The ticked factors, each with the note typed beside it, in the order the page lists them. */
    private List<IncidentDocument.Factor> factors(List<FieldError> unreadable) {
        List<IncidentDocument.Factor> chosen = new ArrayList<>();
        for (int i = 0; i < size(factorOption); i++) {
            String id = at(factorOption, i);
            if (factor != null && factor.contains(id)) {
                Long factorId = longOf(id);
                if (factorId == null) {
                    unreadable.add(new FieldError("factors", "lists a factor the page does not know"));
                } else {
                    chosen.add(new IncidentDocument.Factor(factorId, null, nullIfBlank(at(factorNote, i))));
                }
            }
        }
        return chosen;
    }

    /**
     * The form as the API's requests. Blank boxes are absent values, which the requests' constraints then
     * judge exactly as they judge a JSON body; only what cannot be read is reported here.
     */
    public Submission toRequests(Display display) {
        List<FieldError> unreadable = new ArrayList<>();
        List<PostMortemRequest.TimelineLine> timeline = new ArrayList<>();
        List<Row> typed = rows().subList(0, rows().size() - 2);
        for (Row row : typed) {
            timeline.add(new PostMortemRequest.TimelineLine(time(display, row.field("at"), row.at(), unreadable),
                    nullIfBlank(row.event())));
        }
        IncidentDocument document = IncidentDocument.builder()
                .title(nullIfBlank(title))
                .severity(enumOf(Severity.class, "severity", severity, unreadable))
                .team(nullIfBlank(team))
                .services(split(services, ","))
                .tags(split(tags, ","))
                .factors(factors(unreadable))
                .attendees(split(attendees, ","))
                .startedAt(time(display, "startedAt", startedAt, unreadable))
                .detectedAt(time(display, "detectedAt", detectedAt, unreadable))
                .resolvedAt(time(display, "resolvedAt", resolvedAt, unreadable))
                .detectionSource(enumOf(DetectionSource.class, "detectionSource", detectionSource, unreadable))
                .sections(SectionTexts.of(section -> nullIfBlank(text(section))))
                .considered(split(considered, "\n"))
                .build();
        for (int i = SLOTS; i < size(itemTitle); i++) {
            if (!blank(at(itemTitle, i))) {
                unreadable.add(new FieldError("form", "A post-mortem has at most three action items, ranked 1 to 3 "
                        + "by impact. Keep the three that matter most and write the other ideas under \"Considered, "
                        + "not chosen\"."));
                break;
            }
        }
        List<SlotRequest> slotRequests = new ArrayList<>();
        for (Slot slot : slots()) {
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
                item = new ActionItemRequest(slot.rank(), nullIfBlank(slot.title()), nullIfBlank(slot.owner()), null, due,
                        enumOf(ActionItemKind.class, slot.field("kind"), slot.kind(), unreadable), null, null, null,
                        null, longOf(slot.itemVersion()));
            }
            slotRequests.add(new SlotRequest(slot.rank(), longOf(slot.itemId()), longOf(slot.itemVersion()), item));
        }
        return new Submission(PostMortemRequest.of(document, timeline, longOf(version)), slotRequests, unreadable);
    }
}
