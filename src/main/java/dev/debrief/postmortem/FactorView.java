package dev.debrief.postmortem;

import java.time.Instant;

/** A contributing factor of the list admins keep, as the API shows it. */
public record FactorView(Long id, String name, Instant createdAt, Instant updatedAt, long version) {
}
