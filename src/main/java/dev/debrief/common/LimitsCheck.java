package dev.debrief.common;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refuses to start with settings that would fail later: a text limit wider than its database column (a
 * request would pass validation and then fail in the database), a team time zone given as a fixed offset
 * (the report's SQL needs a region name), and what each feature's {@link SettingsRule} finds, all named at once.
 */
@ApplicationScoped
public class LimitsCheck {

    @Inject
    DebriefConfig config;

    @Inject
    Instance<SettingsRule> rules;

    /** Refuses a time zone the reports cannot name ({@link SqlZone}): an offset other than zero, however written. */
    static void requireRegion(ZoneId zone) {
        if (SqlZone.nameOf(zone).isEmpty()) {
            throw new IllegalStateException("debrief.time-zone must be a region such as Europe/Berlin or UTC, not the"
                    + " fixed offset " + zone + ": months and weeks follow the region's daylight saving.");
        }
    }

    void onStart(@Observes StartupEvent event) {
        List<String> tooWide = new ArrayList<>();
        for (Limited.TextKind kind : Limited.TextKind.values()) {
            int configured = kind.limit(config.limits());
            if (configured > kind.columnWidth() || configured < 1) {
                tooWide.add("debrief.limits." + kind.name().toLowerCase(Locale.ROOT) + "=" + configured
                        + " (allowed 1 to " + kind.columnWidth() + ")");
            }
        }
        requireRegion(config.timeZone());
        if (!tooWide.isEmpty()) {
            throw new IllegalStateException("Text limits outside what the database columns hold: "
                    + String.join(", ", tooWide));
        }
        List<String> problems = new ArrayList<>();
        rules.forEach(rule -> problems.addAll(rule.problems()));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Settings that would fail at run time: " + String.join("; ",
                    problems.stream().sorted().toList()));
        }
    }
}
