package dev.debrief.importing;

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
import java.util.regex.Pattern;

/**
 * The contributing factors of a document ({@code - Missing alert: the disk had none}, as Debrief's export writes
 * them), kept as factors where the instance has a factor of that name, whatever its case. Everything else under the
 * heading (a factor the instance does not have, one named twice, one beyond the {@value StoredDocument#MAX_FACTORS}
 * a post-mortem lists, prose) is given back to be kept as text, so nothing of the document is lost.
 */
final class ImportedFactors {

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+(.+)$");

    private final Function<String, Optional<NamedView>> known;
    private final List<IncidentDocument.Factor> factors = new ArrayList<>();
    private final Set<Long> seen = new HashSet<>();
    private final List<String> notKnown = new ArrayList<>();
    private boolean overLimit;

    ImportedFactors(Function<String, Optional<NamedView>> known) {
        this.known = known;
    }

    /** Reads the lines under one heading; returns those that are not a factor kept, to be kept as text. */
    List<String> read(List<String> lines) {
        List<String> rest = new ArrayList<>();
        for (String line : lines) {
            Matcher item = LIST_ITEM.matcher(line);
            Optional<IncidentDocument.Factor> factor = item.matches()
                    ? named(TimelineLines.oneLine(item.group(1))) : Optional.empty();
            if (factor.isPresent() && factors.size() >= StoredDocument.MAX_FACTORS) {
                overLimit = true;
                rest.add(line);
            } else if (factor.isPresent() && seen.add(factor.get().factorId())) {
                factors.add(factor.get());
            } else {
                if (item.matches() && factor.isEmpty()) {
                    notKnown.add(TimelineLines.oneLine(item.group(1)));
                }
                rest.add(line);
            }
        }
        return rest;
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
        return warnings;
    }

    /**
     * The factor a list item names: its whole text, else the text before one of its colons, with what follows as the
     * note; plain or in bold.
     */
    private Optional<IncidentDocument.Factor> named(String text) {
        Optional<NamedView> whole = known.apply(plain(text));
        if (whole.isPresent()) {
            return Optional.of(new IncidentDocument.Factor(whole.get().id(), whole.get().name(), null));
        }
        for (int colon = text.indexOf(':'); colon > 0; colon = text.indexOf(':', colon + 1)) {
            Optional<NamedView> factor = known.apply(plain(text.substring(0, colon)));
            if (factor.isPresent()) {
                String note = text.substring(colon + 1).replaceAll("^[*_]+", "").strip();
                return Optional.of(new IncidentDocument.Factor(factor.get().id(), factor.get().name(), note));
            }
        }
        return Optional.empty();
    }

    private static String plain(String name) {
        return name.replaceAll("^[*_]+|[*_]+$", "").strip();
    }
}
