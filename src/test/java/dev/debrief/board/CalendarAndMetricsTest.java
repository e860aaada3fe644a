package dev.debrief.board;

import static dev.debrief.support.Api.anonymous;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.MutableClock;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CalendarAndMetricsTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    SessionFactory sessions;

    @BeforeEach
    void reset() {
        data.reset();
    }

    private static List<Long> items() {
        long id = Scenarios.create(PostMortemJson.complete().with("title", "Payments, part 1; retries"));
        List<Long> ids = new ArrayList<>();
        for (int rank = 1; rank <= 3; rank++) {
            Map<String, Object> item = PostMortemJson.item(rank);
            item.put("owner", rank == 1 ? "alice" : "bob");
            item.put("dueDate", List.of("2026-03-05", "2026-03-12", "2026-04-01").get(rank - 1));
            if (rank == 2) {
                item.put("title", "A long title, with commas; and semicolons \\ that must be escaped and folded over"
                        + " more than seventy-five octets — including a multi-byte dash");
            }
            ids.add(Scenarios.addItem(id, item));
        }
        return ids;
    }

    /** Parses an iCalendar body back: unfolds lines, then one map of properties per VEVENT. */
    private static List<Map<String, String>> events(String ics) {
        assertThat(ics).contains("\r\n").doesNotContain("\r\n\r\n");
        String unfolded = ics.replace("\r\n ", "");
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : unfolded.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isPositive();
            if (line.equals("BEGIN:VEVENT")) {
                current = new LinkedHashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(current);
                current = null;
            } else if (current != null) {
                int colon = line.indexOf(':');
                current.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return events;
    }

    @Test
    void calendarHasOneAllDayEventPerOpenItemWithStableUids() {
        List<Long> ids = items();
        Response response = asViewer().accept("text/calendar").get("/api/calendar.ics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/calendar");
        String ics = response.asString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        List<Map<String, String>> events = events(ics);
        assertThat(events).hasSize(3);
        assertThat(events).extracting(e -> e.get("UID")).containsExactly("action-item-" + ids.get(0) + "@debrief",
                "action-item-" + ids.get(1) + "@debrief", "action-item-" + ids.get(2) + "@debrief");
        assertThat(events.get(0)).containsEntry("DTSTART;VALUE=DATE", "20260305")
                .containsEntry("DTEND;VALUE=DATE", "20260306");
        assertThat(events.get(1).get("SUMMARY")).startsWith("Due: A long title\\, with commas\\; and semicolons \\\\")
                .endsWith("multi-byte dash");
        assertThat(events.get(0).get("DESCRIPTION")).contains("Payments\\, part 1\\; retries");
        assertThat(events(asViewer().accept("text/calendar").get("/api/calendar.ics").asString())).extracting(e -> e.get("UID"))
                .as("the same items keep the same UIDs").containsExactlyElementsOf(
                        events.stream().map(e -> e.get("UID")).toList());
    }

    @Test
    void calendarCanBeNarrowedToOneOwner() {
        items();
        assertThat(events(asViewer().accept("text/calendar").get("/api/calendar.ics?owner=Alice").asString()))
                .hasSize(1);
    }

    @Test
    void metricsExposeFollowUpDebtWithoutLogin() {
        items();
        Scenarios.create(PostMortemJson.complete().with("startedAt", "2026-03-07T09:00:00Z")
                .with("detectedAt", "2026-03-07T09:10:00Z").with("resolvedAt", "2026-03-07T10:00:00Z"));
        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofMinutes(1)));
        String metrics = scrape();
        assertThat(metrics).contains("debrief_action_items{status=\"OPEN\",team=\"\",} 3.0")
                .contains("debrief_action_items{status=\"DONE\",team=\"\",} 0.0")
                .contains("debrief_action_items_overdue{team=\"\",} 1.0")
                .contains("debrief_writeups_overdue{team=\"\",} 1.0")
                .contains("# TYPE debrief_action_items_overdue gauge");
    }

    @Test
    void anonymousScrapesReadTheDatabaseAtMostEveryThirtySeconds() {
        items();
        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofMinutes(2)));
        assertThat(scrape()).contains("debrief_action_items{status=\"OPEN\",team=\"\",} 3.0");
        Scenarios.addItem(Scenarios.create(PostMortemJson.complete()), PostMortemJson.item(1));

        sessions.getStatistics().clear();
        clock.set(clock.instant().plus(Duration.ofSeconds(29)));
        assertThat(scrape()).as("still the reading of 29 s ago").contains("debrief_action_items{status=\"OPEN\",team=\"\",} 3.0");
        assertThat(sessions.getStatistics().getPrepareStatementCount()).isZero();

        clock.set(clock.instant().plus(Duration.ofSeconds(1)));
        assertThat(scrape()).contains("debrief_action_items{status=\"OPEN\",team=\"\",} 4.0");
        assertThat(sessions.getStatistics().getPrepareStatementCount()).isEqualTo(3);
    }

    private static String scrape() {
        return anonymous().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
