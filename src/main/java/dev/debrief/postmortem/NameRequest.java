package dev.debrief.postmortem;

import static dev.debrief.common.Limited.TextKind.NAME;

import dev.debrief.common.Limited;
import jakarta.validation.constraints.NotBlank;

/** The body of adding or renaming a team, or a contributing factor: a name. */
public record NameRequest(@NotBlank @Limited(NAME) String name) {
}
