package dev.debrief.postmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The API request and the page form each carry every section under its field name, read by name. */
class SectionTest {

    @ParameterizedTest
    @EnumSource(Section.class)
    void theRequestAndTheFormCarryEachSectionUnderItsFieldName(Section section) {
        IncidentDocument document = IncidentDocument.builder().title("t").severity(Severity.SEV2)
                .startedAt(Instant.parse("2026-03-10T08:00:00Z"))
                .sections(SectionTexts.of(s -> "text of " + s.field)).build();
        PostMortemRequest request = PostMortemRequest.of(document, List.of(), 1L);
        PostMortemForm form = new PostMortemForm();
        form.whatHappened = "text of whatHappened";
        form.summary = "text of summary";
        form.impact = "text of impact";
        form.whyDetectionFailed = "text of whyDetectionFailed";
        form.whyResponseFailed = "text of whyResponseFailed";
        form.whatWeChange = "text of whatWeChange";

        assertThat(section.textIn(request)).isEqualTo("text of " + section.field);
        assertThat(request.toDocument().text(section)).isEqualTo("text of " + section.field);
        assertThat(form.text(section)).isEqualTo("text of " + section.field);
    }

    @Test
    void aHolderWithoutTheSectionsFieldIsAProgrammingErrorNamedAsSuch() {
        record Unrelated(String title) {
        }
        assertThatThrownBy(() -> Section.SUMMARY.textIn(new Unrelated("x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("summary");
    }
}
