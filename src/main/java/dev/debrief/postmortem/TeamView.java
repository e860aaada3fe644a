package dev.debrief.postmortem;

import java.time.Instant;

/** A team as the API shows it. */
public record TeamView(Long id, String name, Instant createdAt, Instant updatedAt, long version) {
}
