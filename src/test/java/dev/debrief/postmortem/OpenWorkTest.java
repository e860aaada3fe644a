package dev.debrief.postmortem;

import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.common.DebriefConfig;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenWork's queries say what the model's rules say, day by day and hour by hour: the items
 * {@link ActionItem#isOverdue} calls overdue and the write-ups {@link PostMortem#isWriteUpOverdue} calls late.
 */
@QuarkusTest
class OpenWorkTest {

    @Inject
    TestData data;

    @Inject
    OpenWork work;

    @Inject
    TeamFigures teams;

    @Inject
    DebriefConfig config;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void openAndOverdueItemsAreTheOnesTheModelNames() {
        long id = Scenarios.create(PostMortemJson.complete());
        item(id, 1, "2026-03-05");
        item(id, 2, "2026-03-10");
        item(id, 3, "2026-03-01");
        Map<String, Object> done = asViewer().get("/api/postmortems/{id}", id).jsonPath().getMap("actionItems[2]");
        done.put("status", "DONE");
        asEditor().body(done).put("/api/postmortems/{id}/action-items/{item}", id, done.get("id"))
                .then().statusCode(200);

        assertThat(inTransaction(() -> ids(work.openItems(OpenWork.Filter.NONE))))
                .isEqualTo(inTransaction(() -> ids(all().stream().filter(i -> i.getStatus().isOpen()).toList())));
        for (LocalDate day = LocalDate.parse("2026-02-28"); day.isBefore(LocalDate.parse("2026-03-13"));
                day = day.plusDays(1)) {
            LocalDate asOf = day;
            assertThat(inTransaction(() -> total(teams.countOverdueItemsByTeam(asOf)))).as("overdue on %s", asOf)
                    .isEqualTo(inTransaction(() -> all().stream().filter(i -> i.isOverdue(asOf)).count()));
        }
        assertThat(inTransaction(() -> total(teams.countOverdueItemsByTeam(LocalDate.parse("2026-03-11"))))).isEqualTo(2);
    }

    @Test
    void overdueWriteUpsAreTheOnesTheModelNames() {
        Scenarios.create(PostMortemJson.complete().with("title", "Resolved on the 7th")
                .with("startedAt", "2026-03-07T09:00:00Z").with("detectedAt", "2026-03-07T09:10:00Z")
                .with("resolvedAt", "2026-03-07T10:00:00Z"));
        Scenarios.create(PostMortemJson.complete().with("title", "Resolved today"));
        Scenarios.create(PostMortemJson.minimal().with("title", "Not resolved yet"));
        Scenarios.published();

        Duration window = config.writeUpWindow();
        for (Instant at = Instant.parse("2026-03-08T00:00:00Z"); at.isBefore(Instant.parse("2026-03-14T00:00:00Z"));
                at = at.plus(Duration.ofHours(5))) {
            Instant moment = at;
            List<Long> byModel = inTransaction(() -> PostMortem.<PostMortem>listAll().stream()
                    .filter(pm -> pm.isWriteUpOverdue(moment, window)).map(PostMortem::getId).sorted().toList());
            assertThat(inTransaction(() -> work.overdueWriteUps(moment, OpenWork.Filter.NONE).stream()
                    .map(OpenWork.OverdueWriteUp::postmortemId).sorted().toList())).as("late at %s", moment)
                    .isEqualTo(byModel);
            assertThat(inTransaction(() -> total(teams.countOverdueWriteUpsByTeam(moment)))).as("late at %s", moment)
                    .isEqualTo(byModel.size());
        }
        assertThat(inTransaction(() -> work.overdueWriteUps(Instant.parse("2026-03-12T12:00:00Z"),
                OpenWork.Filter.NONE).stream().map(OpenWork.OverdueWriteUp::title).toList()))
                .containsExactly("Resolved on the 7th", "Resolved today");
    }

    private static void item(long postmortem, int rank, String dueDate) {
        Map<String, Object> item = PostMortemJson.item(rank);
        item.put("dueDate", dueDate);
        Scenarios.addItem(postmortem, item);
    }

    private static List<ActionItem> all() {
        return ActionItem.listAll();
    }

    private static List<Long> ids(List<ActionItem> items) {
        return items.stream().map(ActionItem::getId).sorted().toList();
    }

    private static <T> T inTransaction(Callable<T> query) {
        return QuarkusTransaction.requiringNew().call(query);
    }

    private static long total(List<TeamFigures.TeamCount> counts) {
        return counts.stream().mapToLong(TeamFigures.TeamCount::count).sum();
    }
}
