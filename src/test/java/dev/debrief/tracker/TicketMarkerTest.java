package dev.debrief.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A marker names one item or one close: a look-up never takes another's ticket or comment for it. */
class TicketMarkerTest {

    @Test
    void aMarkerIsFoundWhereverItStandsAsAWhole() {
        assertThat(RestTracker.marks("debrief-action-item-5", "debrief-action-item-5")).isTrue();
        assertThat(RestTracker.marks("Done.\n\nDebrief reference: debrief-close-7\n", "debrief-close-7")).isTrue();
        assertThat(RestTracker.marks("(debrief-action-item-5).", "debrief-action-item-5")).isTrue();
    }

    @Test
    void anotherMarkerThatStartsOrEndsLikeItIsNotIt() {
        assertThat(RestTracker.marks("Debrief reference: debrief-action-item-51", "debrief-action-item-5")).isFalse();
        assertThat(RestTracker.marks("Debrief reference: xdebrief-close-7", "debrief-close-7")).isFalse();
        assertThat(RestTracker.marks("debrief-close-70 and then debrief-close-7", "debrief-close-7")).isTrue();
    }
}
