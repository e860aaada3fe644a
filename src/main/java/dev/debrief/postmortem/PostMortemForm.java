package dev.debrief.postmortem;

import dev.debrief.common.Display;
import dev.debrief.common.FieldError;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The fields of the write/edit page as the browser posts them: times in the team's zone from
 * {@code datetime-local} inputs, lists as comma- or line-separated text, and three action-item slots ranked
 * 1 to 3. A class rather than a record, because Quarkus REST fills form beans field by field.
 */
public class PostMortemForm {

    public static final int SLOTS = 3;

    @RestForm
    public String title;
    @RestForm
    public String severity;
    @RestForm
    public String services;
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

    /** The form read into the domain's terms, or the fields that could not be read. */
    public record Parsed(IncidentDocument document, List<PostMortemService.ItemSlot> slots, Long version,
            List<FieldError> errors) {
    }

    public static PostMortemForm of(PostMortemView pm, Display display) {
        PostMortemForm form = new PostMortemForm();
        form.title = pm.title();
        form.severity = pm.severity().name();
        form.services = String.join(", ", pm.services());
        form.attendees = String.join(", ", pm.attendees());
        form.startedAt = display.inputValue(pm.startedAt());
        form.detectedAt = display.inputValue(pm.detectedAt());
        form.resolvedAt = display.inputValue(pm.resolvedAt());
        form.detectionSource = pm.detectionSource() == null ? "" : pm.detectionSource().name();
        form.summary = pm.summary();
        form.impact = pm.impact();
        form.whatHappened = pm.whatHappened();
        form.whyDetectionFailed = pm.whyDetectionFailed();
        form.whyResponseFailed = pm.whyResponseFailed();
        form.whatWeChange = pm.whatWeChange();
        form.timelineAt = pm.timeline().stream().map(t -> display.inputValue(t.at())).toList();
        form.timelineEvent = pm.timeline().stream().map(PostMortemView.Timeline::event).toList();
        form.considered = String.join("\n", pm.considered());
        form.version = String.valueOf(pm.version());
        String[] ids = new String[SLOTS];
        String[] versions = new String[SLOTS];
        String[] titles = new String[SLOTS];
        String[] owners = new String[SLOTS];
        String[] dues = new String[SLOTS];
        String[] kinds = new String[SLOTS];
        for (ActionItemView item : pm.actionItems()) {
            int i = item.priority() - 1;
            ids[i] = String.valueOf(item.id());
            versions[i] = String.valueOf(item.version());
            titles[i] = item.title();
            owners[i] = item.owner();
            dues[i] = item.dueDate() == null ? "" : item.dueDate().toString();
            kinds[i] = item.kind().name();
        }
        form.itemId = Arrays.asList(ids);
        form.itemVersion = Arrays.asList(versions);
        form.itemTitle = Arrays.asList(titles);
        form.itemOwner = Arrays.asList(owners);
        form.itemDueDate = Arrays.asList(dues);
        form.itemKind = Arrays.asList(kinds);
        return form;
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

    public Parsed parse(Display display) {
        List<FieldError> errors = new ArrayList<>();
        Severity sev = enumOf(Severity.class, "severity", severity, errors, true);
        DetectionSource source = enumOf(DetectionSource.class, "detectionSource", detectionSource, errors, false);
        Instant started = time(display, "startedAt", startedAt, errors);
        if (started == null && blank(startedAt)) {
            errors.add(new FieldError("startedAt", "is required: when did the impact begin?"));
        }
        if (blank(title)) {
            errors.add(new FieldError("title", "is required"));
        }
        List<IncidentDocument.Timeline> timeline = new ArrayList<>();
        List<Row> typed = rows().subList(0, rows().size() - 2);
        for (int i = 0; i < typed.size(); i++) {
            Row row = typed.get(i);
            Instant at = time(display, "timeline[" + i + "].at", row.at(), errors);
            if (at == null && blank(row.at())) {
                errors.add(new FieldError("timeline[" + i + "].at", "needs a time"));
            }
            if (blank(row.event())) {
                errors.add(new FieldError("timeline[" + i + "].event", "needs a description"));
            }
            if (at != null && !blank(row.event())) {
                timeline.add(new IncidentDocument.Timeline(at, row.event().strip()));
            }
        }
        IncidentDocument document = new IncidentDocument(nullIfBlank(title), sev, split(services, ","),
                split(attendees, ","), started, time(display, "detectedAt", detectedAt, errors),
                time(display, "resolvedAt", resolvedAt, errors), source, nullIfBlank(summary), nullIfBlank(impact),
                nullIfBlank(whatHappened), nullIfBlank(whyDetectionFailed), nullIfBlank(whyResponseFailed),
                nullIfBlank(whatWeChange), timeline, split(considered, "\n"));

        for (int i = SLOTS; i < size(itemTitle); i++) {
            if (!blank(at(itemTitle, i))) {
                errors.add(new FieldError("form", "A post-mortem has at most three action items, ranked 1 to 3 by "
                        + "impact. Keep the three that matter most and write the other ideas under \"Considered, "
                        + "not chosen\"."));
                break;
            }
        }
        List<PostMortemService.ItemSlot> itemSlots = new ArrayList<>();
        for (Slot slot : slots()) {
            String prefix = "items[" + (slot.rank() - 1) + "].";
            Long id = longOf(slot.itemId());
            Long itemVer = longOf(slot.itemVersion());
            if (slot.isEmpty()) {
                itemSlots.add(new PostMortemService.ItemSlot(slot.rank(), id, itemVer, null));
                continue;
            }
            if (blank(slot.title())) {
                errors.add(new FieldError(prefix + "title", "is required for an action item"));
            }
            ActionItemKind kind = enumOf(ActionItemKind.class, prefix + "kind", slot.kind(), errors, true);
            LocalDate due = null;
            if (!blank(slot.dueDate())) {
                try {
                    due = LocalDate.parse(slot.dueDate().strip());
                } catch (DateTimeException e) {
                    errors.add(new FieldError(prefix + "dueDate", "must be a date such as 2026-03-24"));
                }
            }
            itemSlots.add(new PostMortemService.ItemSlot(slot.rank(), id, itemVer, new ActionItemDraft(slot.rank(),
                    nullIfBlank(slot.title()), nullIfBlank(slot.owner()), due, kind, null, null, null, null)));
        }
        return new Parsed(document, itemSlots, longOf(version), errors);
    }

    private static Instant time(Display display, String field, String value, List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return display.parseInput(value);
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "must be a date and time such as 2026-03-10T14:05"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value, List<FieldError> errors,
            boolean required) {
        if (blank(value)) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "has an unknown value"));
            return null;
        }
    }

    private static List<String> split(String text, String separator) {
        if (blank(text)) {
            return List.of();
        }
        return Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Long longOf(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i) : "";
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String nullIfBlank(String text) {
        return blank(text) ? null : text;
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
