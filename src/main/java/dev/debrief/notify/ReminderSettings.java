package dev.debrief.notify;

import dev.debrief.common.DebriefConfig;
import dev.debrief.common.SettingsRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The reminders' settings that every run would trip on: refused at start instead. */
@ApplicationScoped
class ReminderSettings implements SettingsRule {

    @Inject
    DebriefConfig config;

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        DebriefConfig.Reminders reminders = config.reminders();
        reminders.webhookUrl().filter(url -> !url.isBlank()).ifPresent(url -> {
            try {
                WebhookChannel.request(url, "{}");
            } catch (IOException refused) {
                // The message names the setting, never the URL: it carries the webhook's token.
                problems.add(refused.getMessage());
            }
        });
        if (reminders.attempts() < 1) {
            problems.add("debrief.reminders.attempts must be at least 1");
        }
        if (reminders.backoff().isNegative()) {
            problems.add("debrief.reminders.backoff must not be negative");
        }
        return problems;
    }
}
