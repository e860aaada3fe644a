package dev.debrief.tracker;

import dev.debrief.common.DebriefConfig;
import dev.debrief.common.SettingsRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The trackers' settings that would otherwise be ignored or fail at run time. */
@ApplicationScoped
class TrackerSettings implements SettingsRule {

    @Inject
    DebriefConfig config;

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        config.tracker().preferred().filter(name -> !name.isBlank() && TrackerKind.named(name).isEmpty())
                .ifPresent(name -> problems.add("debrief.tracker.default must be one of " + Arrays.stream(
                        TrackerKind.values()).map(TrackerKind::wireName).collect(Collectors.joining(", "))));
        if (config.tracker().maxAttempts() < 1) {
            problems.add("debrief.tracker.max-attempts must be at least 1");
        }
        return problems;
    }
}
