package dev.debrief.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages name the write-up window as {@code debrief.write-up-window} sets it, here 36 hours; the JSON field
 * {@code publishedWithin48h} keeps its name, as the API contract says.
 */
@QuarkusTest
@TestProfile(WriteUpWindowWordingTest.ThirtySixHours.class)
class WriteUpWindowWordingTest {

    public static class ThirtySixHours implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("debrief.write-up-window", "PT36H");
        }
    }

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void monthlyReportLabelsFollowTheWindow() {
        Document page = WebSession.asViewer().page("/reports/monthly");

        assertThat(page.select("[data-testid=months] thead th").eachText()).contains("Within 36 h")
                .doesNotContain("Within 48 h");
        assertThat(page.select("[data-testid=comparison] tbody th").eachText()).contains("Published within 36 h")
                .doesNotContain("Published within 48 h");
    }

    @Test
    void homePageStatesTheWindow() {
        Document page = WebSession.asViewer().page("/");

        assertThat(page.select("p.lead").text()).contains("due 36 h after the incident is resolved");
    }
}
