package dev.debrief.postmortem;

import jakarta.validation.constraints.NotNull;

/** The body of linking a post-mortem to another: which, and how. */
public record LinkRequest(@NotNull Long postmortemId, @NotNull LinkKind kind) {
}
