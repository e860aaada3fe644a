package dev.debrief.board;

import static dev.debrief.support.Api.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /q/metrics passes {@code promtool check metrics} (Debian package prometheus, installed by .ci/run). */
@QuarkusTest
class PrometheusFormatTest {

    private static final File PROMTOOL = new File("/usr/bin/promtool");

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void metricsPassPromtoolCheck() throws Exception {
        if (!PROMTOOL.canExecute()) {
            String message = "promtool is missing (apt-get install prometheus)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + ", and CI must run this check.");
            }
            System.err.println("SKIPPED: " + message + ".");
            Assumptions.abort(message);
        }
        long pm = Scenarios.create(PostMortemJson.complete());
        Scenarios.addItem(pm, PostMortemJson.item(1));
        String metrics = anonymous().accept("text/plain").get("/q/metrics").then().statusCode(200).extract()
                .asString();
        Process promtool = new ProcessBuilder(PROMTOOL.getPath(), "check", "metrics").redirectErrorStream(true)
                .start();
        promtool.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as("promtool says: " + output).isZero();
        assertThat(metrics).contains("debrief_action_items_overdue");
    }
}
