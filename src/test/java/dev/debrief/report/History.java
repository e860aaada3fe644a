package dev.debrief.report;

import static dev.debrief.support.Api.asEditor;

import dev.debrief.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes incident history through the public API, moving the test clock to each moment so that creation,
 * completion and publication happen when the history says, and remembers it for the reference computation.
 */
final class History {

    /** An action item as the history wrote it; the due date (of a draft's item), completion or drop may be null. */
    record Item(String kind, Instant createdAt, LocalDate dueDate, Instant completedAt, Instant droppedAt) {
    }

    /** An incident as the history wrote it. */
    record Incident(String severity, String source, String service, Instant startedAt, Instant detectedAt,
            Instant resolvedAt, Instant publishedAt, List<Item> items) {
    }

    final List<Incident> incidents = new ArrayList<>();
    /** The post-mortem id of each incident, in the same order. */
    final List<Long> ids = new ArrayList<>();
    private final MutableClock clock;

    History(MutableClock clock) {
        this.clock = clock;
    }

    Incident add(Incident incident) {
        clock.set(incident.startedAt().plus(Duration.ofMinutes(1)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Incident at " + incident.startedAt());
        body.put("severity", incident.severity());
        body.put("services", List.of(incident.service()));
        body.put("startedAt", incident.startedAt().toString());
        if (incident.source() != null) {
            body.put("detectionSource", incident.source());
        }
        for (String section : List.of("whatHappened", "whyDetectionFailed", "whyResponseFailed", "whatWeChange")) {
            body.put(section, "written");
        }
        Instant last = incident.resolvedAt() != null ? incident.resolvedAt() : incident.detectedAt();
        if (last != null) {
            clock.set(last);
        }
        if (incident.detectedAt() != null) {
            body.put("detectedAt", incident.detectedAt().toString());
        }
        if (incident.resolvedAt() != null) {
            body.put("resolvedAt", incident.resolvedAt().toString());
        }
        long id = asEditor().body(body).post("/api/postmortems").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        List<Long> itemIds = new ArrayList<>();
        for (int rank = 1; rank <= incident.items().size(); rank++) {
            Item item = incident.items().get(rank - 1);
            clock.set(item.createdAt());
            Map<String, Object> fields = new LinkedHashMap<>(Map.of("priority", rank, "title", "item " + rank,
                    "owner", "team", "kind", item.kind()));
            if (item.dueDate() != null) {
                fields.put("dueDate", item.dueDate().toString());
            }
            itemIds.add(asEditor().body(fields)
                    .post("/api/postmortems/{id}/action-items", id).then().statusCode(201).extract().jsonPath()
                    .getLong("id"));
        }
        if (incident.publishedAt() != null) {
            clock.set(incident.publishedAt());
            asEditor().post("/api/postmortems/{id}/publish", id).then().statusCode(200);
        }
        for (int i = 0; i < incident.items().size(); i++) {
            Item item = incident.items().get(i);
            Instant end = item.completedAt() != null ? item.completedAt() : item.droppedAt();
            if (end == null) {
                continue;
            }
            clock.set(end);
            Map<String, Object> change = new LinkedHashMap<>(asEditor().get("/api/postmortems/{id}", id).jsonPath()
                    .getMap("actionItems[" + i + "]"));
            change.put("status", item.completedAt() != null ? "DONE" : "DROPPED");
            change.put("dropReason", item.completedAt() != null ? null : "superseded");
            asEditor().body(change).put("/api/postmortems/{id}/action-items/{item}", id, itemIds.get(i))
                    .then().statusCode(200);
        }
        incidents.add(incident);
        ids.add(id);
        return incident;
    }

    /**
     * Two incidents of 2026: a SEV1 of "checkout" on 10 January with one item, due 20 January and left open, and
     * a SEV3 of "search" on 10 February; then the clock goes back to its default.
     */
    void addTwoIncidents() {
        Instant a = utc("2026-01-10T10:00:00");
        Instant b = utc("2026-02-10T10:00:00");
        add(new Incident("SEV1", "CUSTOMER", "checkout", a, a.plusSeconds(300), a.plusSeconds(3600), null,
                List.of(new Item("DETECTION", a.plusSeconds(7200), LocalDate.of(2026, 1, 20), null, null))));
        add(new Incident("SEV3", "MONITORING", "search", b, b.plusSeconds(120), b.plusSeconds(1800), null,
                List.of()));
        clock.reset();
    }

    static Instant utc(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC);
    }
}
