package dev.debrief.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** How the H2 index reads a post-mortem's stored words: numbers in order, counts, the title's mark, prefixes. */
class SearchDictionaryTest {

    private final SearchDictionary words = new SearchDictionary();

    @Test
    void aDocumentCountsEachWordOutsideTheTitleTwiceAndMarksTheTitlesWords() {
        SearchDictionary.Document document = words.document(7, 42, " disk full ", " the disk was full full again ");
        assertThat(document.id()).isEqualTo(7);
        assertThat(document.startedAt()).isEqualTo(42);
        // Numbers in the order first seen: disk 0, full 1, the 2, was 3, again 4.
        assertThat(document.words()).containsExactly(0, 1, 2, 3, 4);
        assertThat(document.counts()).containsExactly(1 + 2, 1 + 2 * 2, 2, 2, 2);
        assertThat(words.size()).isEqualTo(5);
    }

    @Test
    void aWordOnlyInTheTitleCountsOnlyItsMark() {
        SearchDictionary.Document document = words.document(1, 0, " outage ", " ");
        assertThat(document.words()).containsExactly(0);
        assertThat(document.counts()).containsExactly(1);
    }

    @Test
    void aTermFindsItsWordAndAPrefixEveryWordItBegins() {
        words.document(1, 0, " deploy ", " deployment deployed rollback ");
        assertThat(words.numbers(new SearchTerms.Term("deploy", false))).isEqualTo(bits(0));
        assertThat(words.numbers(new SearchTerms.Term("deploy", true))).isEqualTo(bits(0, 1, 2));
        assertThat(words.numbers(new SearchTerms.Term("deplo", false)).isEmpty()).isTrue();
        assertThat(words.numbers(new SearchTerms.Term("zebra", true)).isEmpty()).isTrue();
        words.clear();
        assertThat(words.numbers(new SearchTerms.Term("deploy", false)).isEmpty()).isTrue();
    }

    private static BitSet bits(int... set) {
        BitSet bits = new BitSet();
        for (int bit : set) {
            bits.set(bit);
        }
        return bits;
    }
}
