package dev.debrief.postmortem;

import dev.debrief.common.Display;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * After a conflicting save: the fields outside the sections (which the page shows side by side anyway) where the form
 * a person submitted differs from what someone else saved meanwhile, each with the saved value. Saving again keeps
 * what the form holds, so the page lists them rather than let the other person's change be undone unseen.
 */
final class FormDifferences {

    /** One field whose value in the form differs from the one saved, shown as the form would show it. */
    public record Difference(String label, String theirs) {
    }

    private FormDifferences() {
    }

    static List<Difference> between(PostMortemForm yours, PostMortemView saved, Display display) {
        PostMortemForm theirs = PostMortemForm.of(saved, display);
        List<Difference> found = new ArrayList<>();
        compare(found, "Title", yours.title, theirs.title);
        compare(found, "Severity", yours.severity, theirs.severity);
        compare(found, "Detection source", yours.detectionSource, theirs.detectionSource);
        compare(found, "Owning team", yours.team, theirs.team);
        compare(found, "Services", list(yours.services), list(theirs.services));
        compare(found, "Tags", list(yours.tags), list(theirs.tags));
        compare(found, "Contributing factors", factors(yours), factors(theirs), named(saved));
        compare(found, "Impact started", yours.startedAt, theirs.startedAt, time(theirs.startedAt));
        compare(found, "Detected", yours.detectedAt, theirs.detectedAt, time(theirs.detectedAt));
        compare(found, "Resolved", yours.resolvedAt, theirs.resolvedAt, time(theirs.resolvedAt));
        compare(found, "Attendees", list(yours.attendees), list(theirs.attendees));
        List<PostMortemForm.Slot> theirSlots = theirs.slots();
        for (PostMortemForm.Slot slot : yours.slots()) {
            compare(found, "Action " + slot.rank(), slot(slot), slot(theirSlots.get(slot.rank() - 1)));
        }
        compare(found, "Considered, not chosen", yours.considered, theirs.considered);
        compare(found, "Timeline", timeline(yours), timeline(theirs));
        return found;
    }

    private static void compare(List<Difference> found, String label, String yours, String theirs) {
        compare(found, label, yours, theirs, TypedValues.folded(theirs));
    }

    private static void compare(List<Difference> found, String label, String yours, String theirs, String shown) {
        if (!TypedValues.folded(yours).equals(TypedValues.folded(theirs))) {
            found.add(new Difference(label, shown.isEmpty() ? "(empty)" : shown));
        }
    }

    /** A time as the form holds it ({@code 2026-03-10T07:50}), written for reading. */
    private static String time(String value) {
        return TypedValues.folded(value).replace('T', ' ');
    }

    private static String list(String typed) {
        return Arrays.stream(TypedValues.folded(typed).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(", "));
    }

    /** The ticked factors with their notes, by id. */
    private static String factors(PostMortemForm form) {
        Map<String, String> ticked = new LinkedHashMap<>();
        if (form.factor != null) {
            form.factor.stream().sorted().forEach(id -> {
                int i = form.factorOption == null ? -1 : form.factorOption.indexOf(id);
                ticked.put(id, i < 0 ? "" : TypedValues.folded(TypedValues.at(form.factorNote, i)));
            });
        }
        return ticked.toString();
    }

    private static String named(PostMortemView saved) {
        return saved.document().factors().stream()
                .map(f -> f.note() == null ? f.factor() : f.factor() + ": " + f.note())
                .collect(Collectors.joining("; "));
    }

    private static String slot(PostMortemForm.Slot slot) {
        if (slot.isEmpty()) {
            return "";
        }
        return String.join(" · ", TypedValues.folded(slot.title()), "owner " + TypedValues.folded(slot.owner()),
                "due " + TypedValues.folded(slot.dueDate()), TypedValues.folded(slot.kind()).toLowerCase(Locale.ROOT));
    }

    private static String timeline(PostMortemForm form) {
        return form.rows().stream()
                .filter(row -> !TypedValues.folded(row.at()).isEmpty() || !TypedValues.folded(row.event()).isEmpty())
                .map(row -> time(row.at()) + " " + TypedValues.folded(row.event()))
                .collect(Collectors.joining("\n"));
    }
}
