package dev.debrief.common;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to start with a text limit wider than its database column: such a limit would let a request
 * pass validation and then fail in the database.
 */
@ApplicationScoped
public class LimitsCheck {

    @Inject
    DebriefConfig config;

    void onStart(@Observes StartupEvent event) {
        List<String> tooWide = new ArrayList<>();
        for (Limited.TextKind kind : Limited.TextKind.values()) {
            int configured = kind.limit(config.limits());
            if (configured > kind.columnWidth() || configured < 1) {
                tooWide.add("debrief.limits." + kind.name().toLowerCase(java.util.Locale.ROOT) + "=" + configured
                        + " (allowed 1 to " + kind.columnWidth() + ")");
            }
        }
        if (!tooWide.isEmpty()) {
            throw new IllegalStateException("Text limits outside what the database columns hold: "
                    + String.join(", ", tooWide));
        }
    }
}
