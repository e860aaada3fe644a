package dev.debrief.importing;

import dev.debrief.common.Limited;
import dev.debrief.postmortem.IncidentDocument;
import dev.debrief.postmortem.NamedView;
import dev.debrief.postmortem.StoredDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * The contributing factors of a document ({@code - Missing alert: the disk had none}, as Debrief's export writes
 * them), kept as factors where the instance has a factor of that name, whatever its case. Everything else under the
 * heading (a factor the instance does not have, one named twice, one beyond the {@value StoredDocument#MAX_FACTORS}
 * a post-mortem lists, one whose note is longer than a line may be, prose) is given back to be kept as text, so
 * nothing of the document is lost.
 */
final class ImportedFactors {

    /** How far into an item a colon can end a factor's name: its longest, every character escaped, in bold. */
    private static final int NAME_REACH = 2 * Limited.TextKind.NAME.columnWidth() + 4;

    /** How much of an item a warning quotes. */
    private static final int SHOWN = 120;

    private final Function<String, Optional<NamedView>> known;
    private final List<IncidentDocument.Factor> factors = new ArrayList<>();
    private final Set<Long> seen = new HashSet<>();
    private final List<String> notKnown = new ArrayList<>();
    private final List<String> longNotes = new ArrayList<>();
    private boolean overLimit;

    ImportedFactors(Function<String, Optional<NamedView>> known) {
        this.known = known;
    }

    /**
     * Reads the lines under one heading; returns those that are not a factor kept, to be kept as text. An item's
     * indented continuation lines belong to it.
     */
    List<String> read(List<String> lines) {
        List<String> rest = new ArrayList<>();
        List<String> entry = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            Matcher item = MarkdownImporter.LIST_ITEM.matcher(line);
            boolean isItem = item.matches();
            if (!entry.isEmpty() && !isItem && !line.isBlank() && Character.isWhitespace(line.charAt(0))) {
                entry.add(line);
                text.append(' ').append(line.strip());
                continue;
            }
            readItem(entry, text.toString(), rest);
            entry.clear();
            text.setLength(0);
            if (isItem) {
                entry.add(line);
                text.append(item.group(1));
            } else {
                rest.add(line);
            }
        }
        readItem(entry, text.toString(), rest);
        return rest;
    }

    /** One list item ({@code lines}, reading {@code raw}): kept as a factor, or its lines given back as text. */
    private void readItem(List<String> lines, String raw, List<String> rest) {
        if (lines.isEmpty()) {
            return;
        }
        Optional<IncidentDocument.Factor> factor = named(raw);
        if (factor.isEmpty()) {
            notKnown.add(shortened(TimelineLines.oneLine(raw)));
        } else if (!seen.add(factor.get().factorId())) {
            factor = Optional.empty();
        } else if (factors.size() >= StoredDocument.MAX_FACTORS) {
            overLimit = true;
            factor = Optional.empty();
        } else if (factor.get().note() != null
                && factor.get().note().length() > Limited.TextKind.LINE.columnWidth()) {
            longNotes.add(factor.get().factor());
            factor = Optional.empty();
        }
        if (factor.isPresent()) {
            factors.add(factor.get());
        } else {
            rest.addAll(lines);
        }
    }

    /** The factors kept, each once, in the document's order. */
    List<IncidentDocument.Factor> factors() {
        return List.copyOf(factors);
    }

    /** What the reader is told about the factors that were not kept as factors. */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (!notKnown.isEmpty()) {
            warnings.add(notKnown.size() + " contributing factor(s) are not among Debrief's factors (an admin adds"
                    + " factors at /admin/lists), so they are kept as text in What happened: "
                    + String.join("; ", notKnown));
        }
        if (overLimit) {
            warnings.add("More than " + StoredDocument.MAX_FACTORS + " contributing factors: the first "
                    + StoredDocument.MAX_FACTORS + " are kept as factors, the rest as text in What happened.");
        }
        if (!longNotes.isEmpty()) {
            warnings.add("The note of " + String.join(", ", longNotes) + " is longer than "
                    + Limited.TextKind.LINE.columnWidth() + " characters, so that factor is kept as text in What "
                    + "happened.");
        }
        return warnings;
    }

    /**
     * The factor a list item names: its whole text, else the text before one of its colons (the last first, as a
     * name may hold a colon too), with what follows as the note; plain or in bold.
     */
    private Optional<IncidentDocument.Factor> named(String raw) {
        Optional<NamedView> whole = lookUp(raw);
        if (whole.isPresent()) {
            return Optional.of(new IncidentDocument.Factor(whole.get().id(), whole.get().name(), null));
        }
        int from = Math.min(raw.length() - 1, NAME_REACH);
        for (int colon = raw.lastIndexOf(':', from); colon > 0; colon = raw.lastIndexOf(':', colon - 1)) {
            Optional<NamedView> factor = raw.charAt(colon - 1) == '\\' ? Optional.empty()
                    : lookUp(raw.substring(0, colon));
            if (factor.isPresent()) {
                String note = TimelineLines.oneLine(withoutBold(raw.substring(colon + 1).strip()));
                return Optional.of(new IncidentDocument.Factor(factor.get().id(), factor.get().name(), note));
            }
        }
        return Optional.empty();
    }

    private Optional<NamedView> lookUp(String raw) {
        if (raw.length() > NAME_REACH) {
            return Optional.empty();
        }
        return known.apply(TimelineLines.oneLine(withoutBold(raw.strip())));
    }

    private static String shortened(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }

    /** The text without the bold markers ({@code **} or {@code __}) it starts or ends with. */
    private static String withoutBold(String text) {
        String plain = text;
        if (plain.startsWith("**") || plain.startsWith("__")) {
            plain = plain.substring(2);
        }
        if (plain.endsWith("**") || plain.endsWith("__")) {
            plain = plain.substring(0, plain.length() - 2);
        }
        return plain;
    }
}
