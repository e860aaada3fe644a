package dev.debrief.postmortem;

/** A linked post-mortem as the other one shows it. */
public record LinkView(Long postmortemId, String title, LinkKind kind) {
}
