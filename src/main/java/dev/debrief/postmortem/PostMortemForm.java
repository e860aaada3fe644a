package dev.debrief.postmortem;

import static dev.debrief.postmortem.TypedValues.at;
import static dev.debrief.postmortem.TypedValues.blank;
import static dev.debrief.postmortem.TypedValues.size;

import dev.debrief.common.Display;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The fields of the write/edit page as the browser posts them: times in the team's zone from
 * {@code datetime-local} inputs, lists as comma- or line-separated text, and three action-item slots ranked
 * 1 to 3. A class rather than a record, because Quarkus REST fills form beans field by field.
 * {@link FormSubmission#read} reads it into the very requests the JSON API takes, so the page and the API are
 * validated by the same constraints and saved by the same service methods; reading only reports what it cannot
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
            return itemField(rank, name);
        }
    }

    /** The name errors use for a field of the item ranked {@code rank}, e.g. {@code items[0].title}. */
    static String itemField(int rank, String name) {
        return "items[" + (rank - 1) + "]." + name;
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
        List<String> ids = new ArrayList<>(slots().stream().map(Slot::itemId).toList());
        List<String> versions = new ArrayList<>(slots().stream().map(Slot::itemVersion).toList());
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Optional<ActionItemView> stored = theirs.actionItems().stream()
                    .filter(item -> String.valueOf(item.id()).equals(id)).findFirst();
            if (stored.isPresent()) {
                versions.set(i, String.valueOf(stored.get().version()));
            } else {
                // Deleted since: saving again adds what the slot holds, as a new item.
                ids.set(i, "");
                versions.set(i, "");
            }
        }
        itemId = ids;
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
}
