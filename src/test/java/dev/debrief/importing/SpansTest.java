package dev.debrief.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spans are removed as a lazy pattern would, in one pass. */
class SpansTest {

    @Test
    void eachSpanGoesUpToTheFirstCloseAfterItsOpen() {
        assertThat(Spans.replaced("a<!-- x -->b<!-- y -->c", "<!--", "-->", "")).isEqualTo("abc");
        assertThat(Spans.replaced("Timeline (all (times) UTC)", "(", ")", " ")).isEqualTo("Timeline   UTC)");
    }

    @Test
    void aSpanLeftOpenStaysAsItIs() {
        assertThat(Spans.replaced("a<!-- x -->b<!-- never closed", "<!--", "-->", ""))
                .isEqualTo("ab<!-- never closed");
        assertThat(Spans.replaced("<!--".repeat(3), "<!--", "-->", "")).isEqualTo("<!--<!--<!--");
    }
}
