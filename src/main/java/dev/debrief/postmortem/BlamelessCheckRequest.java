package dev.debrief.postmortem;

import static dev.debrief.common.Limited.TextKind.NAME;
import static dev.debrief.common.Limited.TextKind.SECTION;

import dev.debrief.common.Limited;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Text to check, and optionally the meeting's attendees, whose names should not be the subject of a failure. */
public record BlamelessCheckRequest(@NotNull @Limited(SECTION) String text,
        @Size(max = 50) List<@NotNull @Limited(NAME) String> attendees) {
}
