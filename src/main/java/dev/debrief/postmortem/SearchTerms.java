package dev.debrief.postmortem;

import dev.debrief.common.InvalidFieldsException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words a search asks for ({@code q}): a post-mortem is found when each of them is a word of its title, its
 * sections or its action items' titles, in any case. A word ending in {@code *} also finds the words it begins
 * ({@code deploy*} finds "deployment"). Everything else typed (punctuation, quotes, {@code % _ & | ! : ( )}) only
 * separates words, so no typed character reaches SQL or a text-search query as syntax. The same terms mark the
 * words found in what the list shows.
 */
public record SearchTerms(List<Term> terms) {

    /** The longest search, in characters; a longer one is refused (400 naming {@code q}). */
    public static final int MAX_LENGTH = 500;

    /** The most words a search may ask for. */
    public static final int MAX_WORDS = 16;

    /** How much of a section an excerpt shows, in characters, before and after the first word found. */
    private static final int BEFORE = 60;

    private static final int AFTER = 160;

    public SearchTerms {
        terms = List.copyOf(terms);
    }

    /** One word searched for, lower case; {@code prefix} when it also finds longer words it begins. */
    public record Term(String word, boolean prefix) {

        boolean matches(String lowerCaseWord) {
            return prefix ? lowerCaseWord.startsWith(word) : lowerCaseWord.equals(word);
        }

        /** The term in a PostgreSQL {@code tsquery}; the word has only letters, marks and digits. */
        String tsquery() {
            return word + (prefix ? ":*" : "");
        }
    }

    /** A run of text as the list shows it: marked when it is a word found. */
    public record Part(String text, boolean marked) {
    }

    /** The terms of {@code q}; a 400 naming {@code q} when it is too long, has too many words or none. */
    public static SearchTerms parse(String q) {
        if (q.length() > MAX_LENGTH) {
            throw InvalidFieldsException.of("q", "must be at most " + MAX_LENGTH + " characters long");
        }
        String text = q.toLowerCase(Locale.ROOT);
        Set<Term> terms = new LinkedHashSet<>();
        Matcher word = SearchText.WORD.matcher(text);
        while (word.find()) {
            boolean prefix = word.end() < text.length() && text.charAt(word.end()) == '*';
            terms.add(new Term(word.group(), prefix));
        }
        if (terms.isEmpty()) {
            throw InvalidFieldsException.of("q", "has no word to search for: give letters or digits");
        }
        if (terms.size() > MAX_WORDS) {
            throw InvalidFieldsException.of("q", "must have at most " + MAX_WORDS + " words");
        }
        return new SearchTerms(List.copyOf(terms));
    }

    /** The PostgreSQL {@code tsquery} of every term at once, for {@code to_tsquery('simple', ...)}. */
    String tsquery() {
        return terms.stream().map(Term::tsquery).collect(Collectors.joining(" & "));
    }

    /** {@code text} cut into parts, the words that a term finds marked. */
    public List<Part> highlight(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher word = SearchText.WORD.matcher(text);
        int from = 0;
        while (word.find()) {
            if (finds(word.group())) {
                if (word.start() > from) {
                    parts.add(new Part(text.substring(from, word.start()), false));
                }
                parts.add(new Part(word.group(), true));
                from = word.end();
            }
        }
        if (from < text.length()) {
            parts.add(new Part(text.substring(from), false));
        }
        return parts;
    }

    /**
     * A few lines around the first word found in the first of {@code texts} that has one, on one line, with
     * "…" where it is cut; null when none has a word found.
     */
    public String excerpt(Stream<String> texts) {
        for (String text : (Iterable<String>) texts.filter(t -> t != null)::iterator) {
            Matcher word = SearchText.WORD.matcher(text);
            while (word.find()) {
                if (finds(word.group())) {
                    return around(text, word.start());
                }
            }
        }
        return null;
    }

    private boolean finds(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return terms.stream().anyMatch(term -> term.matches(lower));
    }

    private static String around(String text, int at) {
        int start = Math.max(0, at - BEFORE);
        int end = Math.min(text.length(), at + AFTER);
        if (start > 0) {
            int space = text.indexOf(' ', start);
            start = space < 0 || space >= at ? start : space + 1;
        }
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space <= at ? end : space;
        }
        start += Character.isLowSurrogate(text.charAt(start)) ? 1 : 0;
        end -= Character.isHighSurrogate(text.charAt(end - 1)) ? 1 : 0;
        return (start > 0 ? "…" : "") + text.substring(start, end).strip().replaceAll("\\s+", " ")
                + (end < text.length() ? "…" : "");
    }
}
