package dev.debrief.webhook;

import dev.debrief.common.DebriefConfig;
import dev.debrief.common.SettingsRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The webhook sender's settings that would fail at run time, or let two instances send one delivery at once. */
@ApplicationScoped
class WebhookSettings implements SettingsRule {

    /** Well above the 15 seconds one attempt may take, so a claim is never taken over while it is being sent. */
    static final Duration SHORTEST_CLAIM = Duration.ofMinutes(1);

    @Inject
    DebriefConfig config;

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (config.webhooks().maxAttempts() < 1) {
            problems.add("debrief.webhooks.max-attempts must be at least 1");
        }
        if (config.webhooks().claimTimeout().compareTo(SHORTEST_CLAIM) < 0) {
            problems.add("debrief.webhooks.claim-timeout must be at least " + SHORTEST_CLAIM + ", well above the 15"
                    + " seconds one attempt may take: a shorter one lets another instance send the same delivery");
        }
        return problems;
    }
}
