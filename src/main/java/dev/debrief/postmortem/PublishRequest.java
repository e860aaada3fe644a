package dev.debrief.postmortem;

import java.time.Instant;

/** Optional body of publish: {@code publishedAt} backdates a post-mortem entered after the fact. */
public record PublishRequest(Instant publishedAt) {
}
