package dev.debrief.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@link TrackerProfile} with {@code debrief.tracker.close-on-done} on: the review's DONE and DROP close the
 * items' tickets. On H2 it gets an in-memory database of its own, for the reason {@link TrackerProfile} gives.
 */
public class TrackerClosingProfile extends TrackerProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("debrief.tracker.close-on-done", "true");
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            overrides.put("quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:debrief-tracker-closing-test;DB_CLOSE_DELAY=-1");
        }
        return overrides;
    }
}
