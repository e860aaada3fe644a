package dev.debrief.postmortem;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The text a post-mortem is found by, as the search stores it: its words (letters, marks and digits), lower case,
 * each after a space and the last followed by one ({@code " disk 100 full "}). Punctuation is not kept, so neither
 * database sees a character of the document it could read as syntax; on PostgreSQL the {@code simple} text-search
 * configuration reads this text into the same words, and on H2 {@link SearchIndex} reads it word by word.
 * The application writes it on every change of the post-mortem (V21 wrote it for the rows before).
 */
public final class SearchText {

    /** What a word is, in a document and in a search. */
    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    /** The longest stored title text (V21): a title has at most 200 characters; lower case may lengthen a few. */
    public static final int MAX_TITLE_LENGTH = 400;

    /**
     * The longest stored body text (V21): a search reads the item titles and then the sections up to here. It keeps
     * PostgreSQL's vector of the words well under its limit of 1 MB.
     */
    public static final int MAX_BODY_LENGTH = 100_000;

    private SearchText() {
    }

    /** The words of {@code texts} (nulls skipped), in order, as stored, cut at a word before {@code maxLength}. */
    public static String of(Stream<String> texts, int maxLength) {
        StringBuilder words = new StringBuilder(" ");
        for (String text : (Iterable<String>) texts.filter(t -> t != null)::iterator) {
            Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (word.find()) {
                if (words.length() + word.end() - word.start() + 1 > maxLength) {
                    return words.toString();
                }
                words.append(word.group()).append(' ');
            }
        }
        return words.toString();
    }
}
