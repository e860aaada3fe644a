package dev.debrief.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.postmortem.ActionItemKind;
import dev.debrief.postmortem.DetectionSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What the demo year's incidents are about: kinds of failure that SRE teams write post-mortems for, each with the
 * services it hits, how it was noticed, the answers to the four agenda questions and its three ranked action
 * items. Titles and texts take the affected service's name ({@code %s}).
 */
final class DemoIncidents {

    record Item(String title, ActionItemKind kind) {
    }

    record Scenario(String title, List<String> services, DetectionSource source, String whatHappened,
            String whyDetectionFailed, String whyResponseFailed, String whatWeChange, List<Item> items) {
    }

    /** A table of its own: sixteen incidents of prose read better as data than as Java string concatenation. */
    private static final String SCENARIO_FILE = "/demo/incidents.json";

    static final List<Scenario> SCENARIOS = readScenarios();

    static final List<String> OWNERS = List.of("team-payments", "team-platform", "team-sre", "team-search",
            "team-identity", "team-data", "team-web", "team-mobile", "alice", "bob", "chen", "dana", "emeka", "farah");

    static final List<String> ATTENDEES = List.of("Alice", "Bob", "Chen", "Dana", "Emeka", "Farah", "Gus");

    static final List<String> DROP_REASONS = List.of("Superseded by the platform migration",
            "The service is being retired next quarter", "Covered by another post-mortem's item");

    static final List<String> REDATE_REASONS = List.of("Waiting for the vendor's release",
            "The owner was on call all week", "Needs the new cluster, which slipped a sprint");

    private DemoIncidents() {
    }

    private static List<Scenario> readScenarios() {
        try (InputStream in = DemoIncidents.class.getResourceAsStream(SCENARIO_FILE)) {
            if (in == null) {
                throw new IllegalStateException(SCENARIO_FILE + " is missing from the application");
            }
            return List.copyOf(new ObjectMapper().readValue(in, new TypeReference<List<Scenario>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SCENARIO_FILE, e);
        }
    }
}
