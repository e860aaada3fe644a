package dev.debrief.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.debrief.common.ConflictException;
import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.StaleVersionException;
import dev.debrief.common.UnprocessableException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The aggregate's rules, without a database. */
class PostMortemTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant STARTED = NOW.minus(Duration.ofHours(5));
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Duration WINDOW = Duration.ofHours(48);

    private static IncidentDocument document(Instant detected, Instant resolved, String sections) {
        return IncidentDocument.builder().title("Checkout returned 500s").severity(Severity.SEV2)
                .services(List.of("checkout")).attendees(List.of("Dana")).startedAt(STARTED).detectedAt(detected)
                .resolvedAt(resolved).detectionSource(DetectionSource.MONITORING)
                .sections(SectionTexts.of(section -> section.agendaQuestion ? sections : section.field))
                .build();
    }

    private static IncidentDocument complete() {
        return document(STARTED.plus(Duration.ofMinutes(15)), STARTED.plus(Duration.ofMinutes(50)), "answered");
    }

    private static ActionItemDraft item(int priority) {
        return new ActionItemDraft(priority, "Action " + priority, "team", null, LocalDate.parse("2026-03-24"),
                ActionItemKind.PREVENTION, null, null, null, null);
    }

    private static PostMortem withItems(int count) {
        PostMortem pm = PostMortem.draft(complete(), NOW, TOLERANCE);
        for (int rank = 1; rank <= count; rank++) {
            pm.addActionItem(item(rank), NOW);
        }
        return pm;
    }

    @Test
    void draftDerivesDurationsAndTheWriteUpClock() {
        PostMortem pm = PostMortem.draft(complete(), NOW, TOLERANCE);
        assertThat(pm.timeToDetectMinutes()).isEqualTo(15);
        assertThat(pm.timeToResolveMinutes()).isEqualTo(50);
        assertThat(pm.writeUpDueAt(WINDOW)).isEqualTo(STARTED.plus(Duration.ofMinutes(50)).plus(WINDOW));
        assertThat(pm.isWriteUpOverdue(NOW, WINDOW)).isFalse();
        assertThat(pm.isWriteUpOverdue(NOW.plus(Duration.ofDays(2)), WINDOW)).isTrue();
    }

    @Test
    void onlySev1AndSev2AreMajorIncidents() {
        assertThat(List.of(Severity.values())).filteredOn(Severity::isMajor)
                .containsExactly(Severity.SEV1, Severity.SEV2);
        assertThat(Severity.majorNames()).containsExactly("SEV1", "SEV2");
    }

    @Test
    void fourthItemIsRefused() {
        PostMortem pm = withItems(3);
        assertThatThrownBy(() -> pm.addActionItem(item(3), NOW))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("at most three action items");
        assertThat(pm.view(NOW, WINDOW).actionItems()).hasSize(3);
    }

    @Test
    void takenRankIsRefused() {
        PostMortem pm = withItems(1);
        assertThatThrownBy(() -> pm.addActionItem(item(1), NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void publishListsEveryMissingPart() {
        PostMortem pm = PostMortem.draft(document(null, null, " "), NOW, TOLERANCE);
        assertThatThrownBy(() -> pm.publish(null, NOW))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("whatHappened", "whyDetectionFailed", "whyResponseFailed", "whatWeChange",
                                "detectedAt", "resolvedAt", "actionItems"));
        assertThat(pm.isPublished()).isFalse();
    }

    @Test
    void publishWithEverythingPresentSucceeds() {
        PostMortem pm = withItems(3);
        pm.publish(null, NOW);
        assertThat(pm.isPublished()).isTrue();
        assertThat(pm.view(NOW, WINDOW).publishedAt()).isEqualTo(NOW);
        assertThat(pm.isPublishedLate(WINDOW)).isFalse();
    }

    @Test
    void publishedPostMortemIsNeitherDeletedNorStrippedOfItems() {
        PostMortem pm = withItems(3);
        pm.publish(null, NOW);
        assertThatThrownBy(pm::requireDeletable).isInstanceOf(ConflictException.class);
    }

    @Test
    void timesOutOfOrderAreAllNamed() {
        IncidentDocument backwards = document(STARTED.minusSeconds(60), STARTED.minusSeconds(120), "x");
        assertThatThrownBy(() -> PostMortem.draft(backwards, NOW, TOLERANCE))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("detectedAt", "resolvedAt", "resolvedAt"));
    }

    @Test
    void staleVersionIsRefused() {
        PostMortem pm = PostMortem.draft(complete(), NOW, TOLERANCE);
        assertThatThrownBy(() -> pm.requireVersion(3)).isInstanceOf(StaleVersionException.class);
    }

    @Test
    void reorderThatDoesNotListEveryItemIsRefused() {
        PostMortem pm = withItems(3);
        assertThatThrownBy(() -> pm.reorder(List.of(1L, 2L), () -> { }))
                .isInstanceOf(InvalidFieldsException.class);
    }
}
