package dev.debrief.postmortem;

import dev.debrief.common.DebriefConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags language that blames people instead of describing the system: the configured phrases
 * ({@code debrief.blameless-phrases}) and attendees' names used as the subject of a failure. Hits are
 * advice for the writer, never a reason to refuse a save.
 */
@ApplicationScoped
public class BlamelessCheck {

    private static final int CONTEXT = 40;
    private static final String FAILURE_VERBS = "forgot|failed|broke|missed|ignored|neglected|overlooked|messed up"
            + "|screwed up|caused|didn['’]t|did not|should have|should['’]ve";
    private static final String NAMED_SUGGESTION = "Describe what the system allowed or made likely, rather than "
            + "naming a person as the cause.";

    private final List<Rule> rules;

    /** One configured phrase and what to write instead. */
    record Rule(String phrase, Pattern pattern, String suggestion) {
    }

    /** One flagged phrase: its place in the text (UTF-16 offsets, end exclusive), the text around it, and advice. */
    public record Hit(String phrase, int start, int end, String context, String suggestion) {
    }

    /** The hits of one section of a post-mortem. */
    public record SectionHits(String field, String label, List<Hit> hits) {
    }

    @Inject
    public BlamelessCheck(DebriefConfig config) {
        List<Rule> parsed = new ArrayList<>();
        for (String entry : config.blamelessPhrases()) {
            String[] parts = entry.split("=>", 2);
            String phrase = parts[0].strip();
            if (phrase.isEmpty()) {
                continue;
            }
            String suggestion = parts.length > 1 ? parts[1].strip()
                    : "Describe the condition that made the action reasonable at the time.";
            parsed.add(new Rule(phrase, wholeWords(apostrophes(Pattern.quote(phrase))), suggestion));
        }
        rules = List.copyOf(parsed);
    }

    public List<Hit> check(String text, List<String> attendees) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                hits.add(hit(text, m, rule.suggestion()));
            }
        }
        for (String name : attendees == null ? List.<String>of() : attendees) {
            if (name == null || name.isBlank()) {
                continue;
            }
            Pattern named = wholeWords(Pattern.quote(name.strip()) + "\\s+(?:" + FAILURE_VERBS + ")");
            Matcher m = named.matcher(text);
            while (m.find()) {
                hits.add(hit(text, m, NAMED_SUGGESTION));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start).thenComparingInt(Hit::end));
        return List.copyOf(hits);
    }

    /** Checks every written part of a post-mortem; sections without hits are left out. */
    public List<SectionHits> check(IncidentDocument doc) {
        List<SectionHits> sections = new ArrayList<>();
        for (Section section : Section.values()) {
            add(sections, section.field, section.label, doc.text(section), doc.attendees());
        }
        for (int i = 0; i < doc.timeline().size(); i++) {
            add(sections, "timeline[" + i + "].event", "Timeline, line " + (i + 1), doc.timeline().get(i).event(),
                    doc.attendees());
        }
        return sections;
    }

    private void add(List<SectionHits> sections, String field, String label, String text, List<String> attendees) {
        List<Hit> hits = check(text, attendees);
        if (!hits.isEmpty()) {
            sections.add(new SectionHits(field, label, hits));
        }
    }

    private static Hit hit(String text, Matcher m, String suggestion) {
        int from = Math.max(0, m.start() - CONTEXT);
        int to = Math.min(text.length(), m.end() + CONTEXT);
        String context = (from > 0 ? "…" : "") + text.substring(from, to).replaceAll("\\s+", " ")
                + (to < text.length() ? "…" : "");
        return new Hit(m.group().toLowerCase(Locale.ROOT), m.start(), m.end(), context, suggestion);
    }

    private static String apostrophes(String quoted) {
        return quoted.replace("'", "\\E['’]\\Q");
    }

    private static Pattern wholeWords(String regex) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + regex + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
