package dev.debrief.postmortem;

import java.time.Instant;

/** An entry of a list admins keep by name (a team, a contributing factor) as the API shows it. */
public record NamedView(Long id, String name, Instant createdAt, Instant updatedAt, long version) {
}
