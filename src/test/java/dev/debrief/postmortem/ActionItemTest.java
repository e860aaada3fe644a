package dev.debrief.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.debrief.common.ConflictException;
import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An action item's own rules, without a database: when it is overdue, and the review's four decisions. */
class ActionItemTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-03-10");

    private static ActionItem item(LocalDate due) {
        Instant started = NOW.minus(Duration.ofHours(5));
        IncidentDocument document = IncidentDocument.builder().title("Checkout returned 500s").severity(Severity.SEV2)
                .services(List.of("checkout")).startedAt(started).detectedAt(started.plus(Duration.ofMinutes(15)))
                .resolvedAt(started.plus(Duration.ofMinutes(50))).detectionSource(DetectionSource.MONITORING)
                .sections(SectionTexts.of(section -> "answered")).build();
        PostMortem pm = PostMortem.draft(document, NOW, Duration.ofMinutes(5));
        return pm.addActionItem(new ActionItemDraft(1, "Alert on burn rate", "team", null, due, ActionItemKind.DETECTION,
                null, null, null, null), NOW);
    }

    @Test
    void anItemDueTodayIsNotOverdueYetAndOneDueYesterdayIsOneDayOverdue() {
        assertThat(item(TODAY).isOverdue(TODAY)).isFalse();
        assertThat(item(TODAY).daysOverdue(TODAY)).isZero();
        assertThat(item(TODAY.minusDays(1)).isOverdue(TODAY)).isTrue();
        assertThat(item(TODAY.minusDays(1)).daysOverdue(TODAY)).isEqualTo(1);
        assertThat(item(null).isOverdue(TODAY)).as("no due date").isFalse();
    }

    @Test
    void aDoneOrDroppedItemIsNeverOverdue() {
        ActionItem done = item(TODAY.minusDays(9));
        done.complete(NOW);
        ActionItem dropped = item(TODAY.minusDays(9));
        dropped.drop("superseded", NOW);

        assertThat(done.isOverdue(TODAY)).isFalse();
        assertThat(done.getCompletedAt()).isEqualTo(NOW);
        assertThat(dropped.isOverdue(TODAY)).isFalse();
        assertThat(dropped.getDropReason()).isEqualTo("superseded");
    }

    @Test
    void reDatingNeedsADateFromTodayAndAReasonAndNamesWhatIsMissing() {
        ActionItem item = item(TODAY.minusDays(3));

        assertThatThrownBy(() -> item.redate(null, " ", TODAY, NOW)).isInstanceOf(InvalidFieldsException.class)
                .extracting(e -> ((InvalidFieldsException) e).errors().stream().map(FieldError::field).toList())
                .isEqualTo(List.of("newDueDate", "reason"));
        assertThatThrownBy(() -> item.redate(TODAY.minusDays(1), "vendor", TODAY, NOW))
                .isInstanceOf(InvalidFieldsException.class).hasMessageContaining("newDueDate");

        item.redate(TODAY, "vendor ships today", TODAY, NOW);
        assertThat(item.getDueDate()).isEqualTo(TODAY);
        assertThat(item.isOverdue(TODAY)).isFalse();
    }

    @Test
    void droppingNeedsAReason() {
        assertThatThrownBy(() -> item(TODAY).drop("", NOW)).isInstanceOf(InvalidFieldsException.class)
                .extracting(e -> ((InvalidFieldsException) e).errors().get(0).field()).isEqualTo("reason");
    }

    @Test
    void onlyOpenItemsGetReviewDecisions() {
        ActionItem item = item(TODAY);
        item.complete(NOW);

        assertThatThrownBy(item::keep).isInstanceOf(ConflictException.class).hasMessageContaining("already DONE");
        assertThatThrownBy(() -> item.complete(NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> item.redate(TODAY, "later", TODAY, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> item.drop("no", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void reopeningOpensADoneItemAgainAndForgetsItsCompletion() {
        ActionItem item = item(TODAY);
        item.complete(NOW.minus(Duration.ofHours(1)));

        item.reopen(NOW);

        assertThat(item.getStatus()).isEqualTo(ActionItemStatus.OPEN);
        assertThat(item.getCompletedAt()).isNull();
        assertThat(item.getUpdatedAt()).isEqualTo(NOW);
    }

    @Test
    void onlyADoneItemCanBeReopened() {
        ActionItem dropped = item(TODAY);
        dropped.drop("superseded", NOW);

        assertThatThrownBy(() -> item(TODAY).reopen(NOW)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("only a done item can be reopened");
        assertThatThrownBy(() -> dropped.reopen(NOW)).isInstanceOf(ConflictException.class);
        assertThat(dropped.getStatus()).isEqualTo(ActionItemStatus.DROPPED);
    }
}
