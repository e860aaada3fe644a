package dev.debrief.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The trackers' three ways of writing a time, read as the same instant. */
class TrackerTimesTest {

    private static final Instant AT = Instant.parse("2026-03-11T09:30:00Z");

    @Test
    void isoAsGitHubAndGitLabsApiWriteIt() {
        assertThat(TrackerTimes.of(JsonNodeFactory.instance.textNode("2026-03-11T09:30:00Z"))).isEqualTo(AT);
        assertThat(TrackerTimes.of(JsonNodeFactory.instance.textNode("2026-03-11T10:30:00.000+01:00"))).isEqualTo(AT);
    }

    @Test
    void jirasOffsetWithoutAColon() {
        assertThat(TrackerTimes.of(JsonNodeFactory.instance.textNode("2026-03-11T09:30:00.000+0000"))).isEqualTo(AT);
    }

    @Test
    void gitLabsWebhookForm() {
        assertThat(TrackerTimes.of(JsonNodeFactory.instance.textNode("2026-03-11 09:30:00 UTC"))).isEqualTo(AT);
    }

    @Test
    void absentOrUnreadableIsNull() {
        assertThat(TrackerTimes.of(null)).isNull();
        assertThat(TrackerTimes.of(JsonNodeFactory.instance.nullNode())).isNull();
        assertThat(TrackerTimes.of(JsonNodeFactory.instance.textNode("yesterday"))).isNull();
    }
}
