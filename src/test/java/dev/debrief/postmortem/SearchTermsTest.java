package dev.debrief.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.debrief.common.InvalidFieldsException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a search reads from a query and from a post-mortem, and how it marks what it found, without a database. */
class SearchTermsTest {

    @Test
    void aDocumentIsStoredAsItsLowerCaseWordsBetweenSpaces() {
        assertThat(SearchText.of(Stream.of("Disk 100% full!", null, "DNS_resolver's cache"), 1000))
                .isEqualTo(" disk 100 full dns resolver s cache ");
    }

    @Test
    void theStoredTextStopsAtTheLastWordThatFits() {
        assertThat(SearchText.of(Stream.of("alpha beta gamma"), 12)).isEqualTo(" alpha beta ");
        assertThat(SearchText.of(Stream.of("alpha", "beta gamma"), 7)).isEqualTo(" alpha ");
    }

    @Test
    void punctuationAndWildcardsOnlySeparateWords() {
        SearchTerms terms = SearchTerms.parse("'100%' _db_ \\ a&b|c!:(d) \"e\"");
        assertThat(terms.terms()).extracting(SearchTerms.Term::word)
                .containsExactly("100", "db", "a", "b", "c", "d", "e");
        assertThat(terms.tsquery()).isEqualTo("100 & db & a & b & c & d & e");
    }

    @Test
    void aStarAfterAWordMakesItAPrefix() {
        SearchTerms terms = SearchTerms.parse("Deploy* rollback *x");
        assertThat(terms.terms()).containsExactly(new SearchTerms.Term("deploy", true),
                new SearchTerms.Term("rollback", false), new SearchTerms.Term("x", false));
        assertThat(terms.tsquery()).isEqualTo("deploy:* & rollback & x");
    }

    @Test
    void aQueryWithoutAWordIsRefusedNamingQ() {
        for (String q : new String[] {"%", "_", "'", "\\", "&|!:*()", "\"\"", "\u202e"}) {
            assertThatThrownBy(() -> SearchTerms.parse(q)).as(q).isInstanceOf(InvalidFieldsException.class)
                    .satisfies(e -> assertThat(((InvalidFieldsException) e).errors())
                            .extracting(error -> error.field()).containsExactly("q"));
        }
    }

    @Test
    void aVeryLongQueryOrOneWithTooManyWordsIsRefused() {
        assertThatThrownBy(() -> SearchTerms.parse("a".repeat(10_000))).isInstanceOf(InvalidFieldsException.class)
                .hasMessageContaining("at most 500 characters");
        assertThat(SearchTerms.parse("a".repeat(500)).terms()).hasSize(1);
        assertThatThrownBy(() -> SearchTerms.parse("w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17"))
                .isInstanceOf(InvalidFieldsException.class).hasMessageContaining("at most 16 words");
    }

    @Test
    void highlightingMarksWholeWordsInAnyCaseAndKeepsTheRest() {
        assertThat(SearchTerms.parse("disk deploy*").highlight("<b>Disk</b> diskette; Deployment"))
                .containsExactly(new SearchTerms.Part("<b>", false), new SearchTerms.Part("Disk", true),
                        new SearchTerms.Part("</b> diskette; ", false), new SearchTerms.Part("Deployment", true));
    }

    @Test
    void theExcerptIsAroundTheFirstWordFoundOnOneLine() {
        String long1 = "word ".repeat(40) + "the disk\nfilled up " + "more ".repeat(60);
        String excerpt = SearchTerms.parse("disk").excerpt(Stream.of(null, "nothing here", long1));
        assertThat(excerpt).startsWith("…").endsWith("…").contains("the disk filled up").doesNotContain("\n");
        assertThat(excerpt.length()).isLessThan(240);
        assertThat(SearchTerms.parse("disk").excerpt(Stream.of("a short disk text"))).isEqualTo("a short disk text");
        assertThat(SearchTerms.parse("absent").excerpt(Stream.of("a short disk text"))).isNull();
    }
}
