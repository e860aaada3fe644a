package dev.debrief.postmortem;

import dev.debrief.common.Display;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The 48-hour clock of one write-up as people see it: a state for the colour and a label that says the
 * same in words ("18 h 59 min left", "overdue by 5 h"), since colour is never the only signal.
 */
public record WriteUpClock(State state, String label) {

    /** OK: more than a day left; SOON: less than a day; OVERDUE: past due; UNRESOLVED: no resolution time yet. */
    public enum State {
        OK, SOON, OVERDUE, UNRESOLVED, PUBLISHED;

        public String css() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static WriteUpClock of(Instant due, boolean published, Instant now) {
        if (published) {
            return new WriteUpClock(State.PUBLISHED, "published");
        }
        if (due == null) {
            return new WriteUpClock(State.UNRESOLVED, "clock starts at resolution");
        }
        long minutes = Duration.between(now, due).toMinutes();
        if (now.isAfter(due)) {
            long late = Math.max(1, Duration.between(due, now).toMinutes());
            return new WriteUpClock(State.OVERDUE, "overdue by " + Display.duration(late));
        }
        return new WriteUpClock(minutes >= 24 * 60 ? State.OK : State.SOON, Display.duration(minutes) + " left");
    }
}
