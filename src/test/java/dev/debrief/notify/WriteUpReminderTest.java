package dev.debrief.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.board.Board;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The write-up notice names the configured window, whatever it is, not a fixed 48 hours. */
class WriteUpReminderTest {

    private static final Board.WriteUpRow LATE = new Board.WriteUpRow(7L, "Checkout down",
            Instant.parse("2026-03-09T12:00:00Z"), 24);

    @Test
    void noticeSaysTheWindowItIsGiven() {
        ReminderJob.Reminder reminder = ReminderJob.writeUpOverdue(LATE, "36 h");

        assertThat(reminder.key()).isEqualTo("writeup-overdue:7");
        assertThat(reminder.subject()).isEqualTo("Post-mortem write-up overdue: Checkout down");
        assertThat(reminder.text()).isEqualTo("The write-up of \"Checkout down\" was due 2026-03-09T12:00:00Z"
                + " (36 h after resolution) and is still a draft.");
    }
}
