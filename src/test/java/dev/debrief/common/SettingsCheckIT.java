package dev.debrief.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.PackagedApp;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * Settings that would fail only when a job or a request uses them stop the start of the packaged jar instead, every
 * one named in one message, so that an operator fixes them in one go.
 */
class SettingsCheckIT {

    @Test
    void settingsThatWouldFailAtRunTimeStopTheStartNamingEachOne() throws Exception {
        try (PackagedApp app = new PackagedApp(Files.createTempDirectory("debrief-settings"), "settings-admin-password")
                .env("DEBRIEF_REMINDERS_WEBHOOK_URL", "hooks.example.com/services/T000/B000/TOKEN")
                .env("DEBRIEF_REMINDERS_ATTEMPTS", "0")
                .env("DEBRIEF_REMINDERS_BACKOFF", "-PT1S")
                .env("DEBRIEF_WEBHOOKS_MAX_ATTEMPTS", "0")
                .env("DEBRIEF_WEBHOOKS_CLAIM_TIMEOUT", "PT10S")
                .env("DEBRIEF_TRACKER_DEFAULT", "bugzilla")
                .env("DEBRIEF_TRACKER_MAX_ATTEMPTS", "-1")) {
            assertThat(app.startExpectingFailure()).isNotZero();

            assertThat(app.log()).contains("Settings that would fail at run time")
                    .contains("debrief.reminders.webhook-url is not a valid http or https URL")
                    .contains("debrief.reminders.attempts must be at least 1")
                    .contains("debrief.reminders.backoff must not be negative")
                    .contains("debrief.webhooks.max-attempts must be at least 1")
                    .contains("debrief.webhooks.claim-timeout must be at least PT1M")
                    .contains("debrief.tracker.default must be one of github, gitlab, jira")
                    .contains("debrief.tracker.max-attempts must be at least 1")
                    .doesNotContain("TOKEN");
        }
    }
}
