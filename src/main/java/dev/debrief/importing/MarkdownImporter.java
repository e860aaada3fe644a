package dev.debrief.importing;

import static dev.debrief.postmortem.Section.SUMMARY;
import static dev.debrief.postmortem.Section.WHAT_HAPPENED;
import static dev.debrief.postmortem.Section.WHAT_WE_CHANGE;

import dev.debrief.common.FieldError;
import dev.debrief.importing.MarkdownOutline.Part;
import dev.debrief.postmortem.DetectionSource;
import dev.debrief.postmortem.IncidentDocument;
import dev.debrief.postmortem.PostMortemRequest;
import dev.debrief.postmortem.Section;
import dev.debrief.postmortem.SectionTexts;
import dev.debrief.postmortem.Severity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one post-mortem written in Markdown on any common template: headings mapped to fields by
 * {@link Destination}, facts by {@link Fact}, the timeline by {@link TimelineLines}, action items by
 * {@link ItemLines}. Nothing of the text is dropped: what maps to no field is kept in "What happened?" under its own
 * heading. Plain code without a database, so every rule is tested directly; {@link ImportTimes} settles the times.
 */
final class MarkdownImporter {

    /** The mapping's name for text before the first heading, which goes to the summary. */
    static final String OPENING = "(text before the first heading)";
    private static final String NOT_WRITTEN = "_Not written yet._";
    /** A list item ({@code -}, {@code *}, {@code +}, {@code 1.}, {@code 1)}) and its text. */
    static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+(.+)$");
    private static final Pattern SEVERITY = Pattern.compile("(?i)^\\W*(?:sev(?:erity)?|s)?\\s*[-_ ]?([1-4])\\b");

    private final Instant now;
    private final KnownNames known;
    private final ImportedFactors factors;
    private final Map<Section, List<String>> texts = new EnumMap<>(Section.class);
    private final Map<Fact, String> facts = new EnumMap<>(Fact.class);
    private final List<String> timelineLines = new ArrayList<>();
    private final List<ItemLines.Item> items = new ArrayList<>();
    private final List<String> services = new ArrayList<>();
    private final List<String> attendees = new ArrayList<>();
    private final List<String> considered = new ArrayList<>();
    private final List<ImportDraft.Mapping> mapping = new ArrayList<>();
    private final List<String> unmapped = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<FieldError> refusals = new ArrayList<>();
    private String title;

    private MarkdownImporter(Instant now, KnownNames known) {
        this.now = now;
        this.known = known;
        this.factors = new ImportedFactors(known.factor());
    }

    static ImportDraft read(String markdown, Instant now) {
        return read(markdown, now, KnownNames.NONE);
    }

    /**
     * {@code known} says which teams and factors Debrief has: a document's team or factor that it does not know is
     * left out of the field with a warning (its text stays, and the stored original keeps it), since an admin adds
     * them.
     */
    static ImportDraft read(String markdown, Instant now, KnownNames known) {
        return new MarkdownImporter(now, known).readAll(markdown);
    }

    private ImportDraft readAll(String markdown) {
        MarkdownOutline outline = MarkdownOutline.of(markdown);
        if (outline.hadComments()) {
            warnings.add("HTML comments are left out of the sections; the stored original keeps them.");
        }
        List<Part> parts = outline.parts();
        List<String> opening = new ArrayList<>(outline.preamble());
        int first = 0;
        if (!parts.isEmpty() && parts.get(0).level() == 1) {
            title = TimelineLines.oneLine(parts.get(0).heading());
            opening.addAll(parts.get(0).lines());
            first = 1;
        }
        readOpening(opening);
        Destination current = null;
        int currentLevel = 0;
        for (Part part : parts.subList(first, parts.size())) {
            Optional<Destination> named = Destination.of(part.heading());
            if (named.isEmpty() && current != null && part.level() > currentLevel) {
                fill(current, new Part(part.level(), part.heading(), withHeading(part, current)));
            } else if (named.isEmpty()) {
                unmapped.add(part.heading());
                append(WHAT_HAPPENED, "### " + part.heading() + "\n\n" + part.text());
                current = null;
            } else {
                current = named.get();
                currentLevel = part.level();
                mapping.add(new ImportDraft.Mapping(part.heading(), current.field()));
                fill(current, part);
            }
        }
        return finish();
    }

    /** The lines under the title: facts, and a first paragraph that is the summary. */
    private void readOpening(List<String> lines) {
        List<String> rest = new ArrayList<>();
        for (String line : lines) {
            Fact.in(line).ifPresentOrElse(this::take, () -> rest.add(line));
        }
        String text = String.join("\n", Fact.withoutEmptyTables(rest)).strip();
        if (title == null && !text.isEmpty()) {
            title = TimelineLines.oneLine(text.lines().findFirst().orElse("").replaceAll("^[#*_\\s]+", ""));
            text = text.lines().skip(1).collect(Collectors.joining("\n")).strip();
            warnings.add("The document has no level-1 heading: its first line is the title.");
        }
        if (!text.isEmpty()) {
            mapping.add(new ImportDraft.Mapping(OPENING, SUMMARY.field));
            append(SUMMARY, text);
        }
    }

    private void fill(Destination destination, Part part) {
        Optional<Section> section = destination.section();
        if (section.isPresent() && section.get() == SUMMARY) {
            append(SUMMARY, factsTakenFrom(part.lines()));
            return;
        }
        if (section.isPresent()) {
            if (!part.text().equals(NOT_WRITTEN)) {
                append(section.get(), part.text());
            }
            return;
        }
        switch (destination) {
            case TIMELINE -> timelineLines.addAll(part.lines());
            case ACTION_ITEMS -> {
                List<String> rest = new ArrayList<>();
                List<ItemLines.Item> found = ItemLines.read(part.lines(), rest);
                items.addAll(found);
                // A sub-heading's own line ("### Short term"), which withHeading passes on as text.
                rest.remove(part.heading());
                if (found.isEmpty() && !part.text().isEmpty() && !part.text().equals("None yet.")) {
                    append(WHAT_WE_CHANGE, "### " + part.heading() + "\n\n" + part.text());
                    warnings.add("No list items under '" + part.heading() + "': its text is kept in "
                            + WHAT_WE_CHANGE.label);
                } else if (!found.isEmpty() && !rest.isEmpty()) {
                    append(WHAT_WE_CHANGE, "### " + part.heading() + "\n\n" + String.join("\n", rest).strip());
                    warnings.add("The text under '" + part.heading() + "' that is not an action item is kept in "
                            + WHAT_WE_CHANGE.label);
                }
            }
            case CONSIDERED -> considered.addAll(listed(part.lines()));
            case ATTENDEES -> attendees.addAll(listed(part.lines()));
            case SERVICES -> services.addAll(listed(part.lines()));
            case FACTORS -> keepAsText(part, factors.read(part.lines()));
            default -> readFacts(part);
        }
    }

    /** The summary's text without its fact lines, which templates such as GitLab's put there; the facts are read. */
    private String factsTakenFrom(List<String> lines) {
        List<String> rest = new ArrayList<>();
        for (String line : lines) {
            Fact.in(line).ifPresentOrElse(this::take, () -> rest.add(line));
        }
        return String.join("\n", Fact.withoutEmptyTables(rest)).strip();
    }

    /** A fact line: the first of each fact is read; a later one that says otherwise is named in a warning. */
    private void take(Fact.Stated stated) {
        String first = facts.putIfAbsent(stated.fact(), stated.value());
        if (first != null && !first.equals(stated.value())) {
            warnings.add("A second " + stated.fact().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " line, "
                    + Fact.quoted(stated.value()) + ", was not read: the first, " + Fact.quoted(first) + ", was.");
        }
    }

    private void keepAsText(Part part, List<String> lines) {
        String text = String.join("\n", lines).strip();
        if (!text.isEmpty()) {
            append(WHAT_HAPPENED, "### " + part.heading() + "\n\n" + text);
        }
    }

    private void readFacts(Part part) {
        keepAsText(part, List.of(factsTakenFrom(part.lines())));
    }

    private ImportDraft finish() {
        if (title == null || title.isBlank()) {
            refuse("title", "is missing: the document has no heading and no text");
        } else if (title.length() > 200) {
            warnings.add("The title is longer than 200 characters; the rest of it is in the summary.");
            append(SUMMARY, title);
            title = title.substring(0, 200);
        }
        ImportTimes times = ImportTimes.settle(facts, TimelineLines.read(timelineLines,
                ImportTimes.incidentDay(facts), ImportTimes.incidentZone(facts)), now);
        times.warnings().forEach(warnings::add);
        times.refusals().forEach(refusals::add);
        if (!times.leftOver().isEmpty()) {
            append(WHAT_HAPPENED, "### Timeline\n\n" + String.join("\n", times.leftOver()).strip());
        }
        splitInto(services, facts.get(Fact.SERVICES));
        splitInto(attendees, facts.get(Fact.ATTENDEES));
        if ("published".equalsIgnoreCase(Optional.ofNullable(facts.get(Fact.STATUS)).orElse("").split(",")[0])) {
            warnings.add("The document was published; it is imported as a draft, for the team to publish.");
        }
        warnings.addAll(factors.warnings());
        RankedImport ranked = RankedImport.of(items);
        warnings.addAll(ranked.warnings());
        refusals.addAll(ranked.refusals());
        considered.addAll(ranked.beyondThree());
        if (!ranked.cut().isEmpty()) {
            append(WHAT_WE_CHANGE, "### Action items in full\n\n" + String.join("\n", ranked.cut()));
        }
        IncidentDocument document = IncidentDocument.builder().title(title).severity(severity())
                .team(TeamAndTags.team(facts.get(Fact.TEAM), known.team(), warnings)).factors(factors.factors())
                .tags(TeamAndTags.tags(facts.get(Fact.TAGS), warnings)).services(services).attendees(attendees)
                .startedAt(times.startedAt())
                .detectedAt(times.detectedAt()).resolvedAt(times.resolvedAt()).detectionSource(source())
                .sections(SectionTexts.of(section -> texts.containsKey(section)
                        ? String.join("\n\n", texts.get(section)) : null))
                .considered(considered).build();
        return new ImportDraft(PostMortemRequest.of(document, times.timeline(), null), ranked.items(),
                ranked.beyondThree(), mapping, unmapped, warnings, refusals);
    }

    private Severity severity() {
        Matcher m = SEVERITY.matcher(Optional.ofNullable(facts.get(Fact.SEVERITY)).orElse(""));
        if (m.find()) {
            return Severity.valueOf("SEV" + m.group(1));
        }
        warnings.add("No severity stated (a line such as 'Severity: SEV2'): imported as SEV3.");
        return Severity.SEV3;
    }

    private DetectionSource source() {
        String detected = Optional.ofNullable(facts.get(Fact.DETECTED)).orElse("");
        for (DetectionSource source : DetectionSource.values()) {
            if (detected.contains("(" + source.name() + ")")) {
                return source;
            }
        }
        return null;
    }

    private void refuse(String field, String message) {
        refusals.add(new FieldError(field, message));
        warnings.add(field + " " + message);
    }

    private void append(Section section, String text) {
        if (!text.isBlank()) {
            texts.computeIfAbsent(section, ignored -> new ArrayList<>()).add(text.strip());
        }
    }

    static void splitInto(List<String> names, String listed) {
        if (listed != null) {
            for (String name : listed.split(",")) {
                if (!name.isBlank()) {
                    names.add(TimelineLines.oneLine(name));
                }
            }
        }
    }

    private static List<String> listed(List<String> lines) {
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches()) {
                names.add(TimelineLines.oneLine(item.group(1)));
            } else {
                splitInto(names, line);
            }
        }
        return names;
    }

    /**
     * A sub-heading's lines with the sub-heading first: as Markdown in a section, as a line of its own elsewhere (a
     * timeline's "### 2024-03-01" names the day of the lines under it).
     */
    private static List<String> withHeading(Part part, Destination parent) {
        List<String> lines = new ArrayList<>();
        lines.add(parent.section().isPresent() ? "#".repeat(part.level()) + " " + part.heading() : part.heading());
        lines.addAll(part.lines());
        return lines;
    }
}
