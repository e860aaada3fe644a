package dev.debrief.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** An audit event as the API and the pages show it. */
public record AuditEntry(
        Long id,
        Instant at,
        String actor,
        String action,
        Subject subject,
        @JsonInclude(JsonInclude.Include.NON_NULL) String address,
        List<Change> changes) {
}
