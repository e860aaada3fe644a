package dev.debrief.postmortem;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words {@link SearchIndex} has seen, each with a number, and post-mortems read into those numbers. Not thread
 * safe: the index guards it.
 */
class SearchDictionary {

    /** Every word by its number, in order for the ranges of prefixes. */
    private final TreeMap<String, Integer> ordered = new TreeMap<>();

    /** The same, for the look-ups while reading. */
    private final Map<String, Integer> numbers = new HashMap<>();

    /**
     * One post-mortem in the index: its words' numbers in ascending order and, for each, twice the times it
     * appears outside the title plus one when it is in the title.
     */
    record Document(long id, long startedAt, int[] words, int[] counts) {
    }

    void clear() {
        ordered.clear();
        numbers.clear();
    }

    int size() {
        return numbers.size();
    }

    /** The numbers of the words a term finds: the word itself, or every word a prefix begins. */
    BitSet numbers(SearchTerms.Term term) {
        BitSet found = new BitSet();
        if (term.prefix()) {
            ordered.subMap(term.word(), true, term.word() + Character.MAX_VALUE, false).values().forEach(found::set);
        } else if (numbers.containsKey(term.word())) {
            found.set(numbers.get(term.word()));
        }
        return found;
    }

    /** A post-mortem's stored words ({@link SearchText}: words between single spaces) as a document. */
    Document document(long id, long startedAt, String title, String text) {
        int[] inTitle = numbersOf(title);
        int[] inText = numbersOf(text);
        Arrays.sort(inTitle);
        Arrays.sort(inText);
        int[] ids = new int[inTitle.length + inText.length];
        int[] counts = new int[ids.length];
        int n = 0;
        int t = 0;
        int b = 0;
        while (t < inTitle.length || b < inText.length) {
            int next = Math.min(t < inTitle.length ? inTitle[t] : Integer.MAX_VALUE,
                    b < inText.length ? inText[b] : Integer.MAX_VALUE);
            int count = 0;
            while (t < inTitle.length && inTitle[t] == next) {
                count = 1;
                t++;
            }
            while (b < inText.length && inText[b] == next) {
                count += 2;
                b++;
            }
            ids[n] = next;
            counts[n++] = count;
        }
        return new Document(id, startedAt, Arrays.copyOf(ids, n), Arrays.copyOf(counts, n));
    }

    private int[] numbersOf(String stored) {
        int[] found = new int[16];
        int n = 0;
        int from = 0;
        while (from < stored.length()) {
            int end = stored.indexOf(' ', from);
            end = end < 0 ? stored.length() : end;
            if (end > from) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = number(stored.substring(from, end));
            }
            from = end + 1;
        }
        return Arrays.copyOf(found, n);
    }

    private int number(String word) {
        Integer known = numbers.get(word);
        if (known != null) {
            return known;
        }
        int added = numbers.size();
        numbers.put(word, added);
        ordered.put(word, added);
        return added;
    }
}
