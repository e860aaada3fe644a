package dev.debrief.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one profile of the tracker tests: all three trackers configured against {@link TrackerFakes}, GitHub the
 * default, a one-second timeout, and tickets opened on publishing. Every tracker test uses it, so the application
 * starts once for all of them.
 */
public class TrackerProfile implements QuarkusTestProfile {

    public static final String GITHUB_TOKEN = "ghp-test-token-never-shown";
    public static final String GITHUB_SECRET = "github-webhook-secret";
    public static final String GITLAB_TOKEN = "glpat-test-token-never-shown";
    public static final String GITLAB_SECRET = "gitlab-webhook-token";
    public static final String JIRA_TOKEN = "jira-api-token-never-shown";
    public static final String JIRA_SECRET = "jira-webhook-secret";

    /**
     * On H2 the profile gets an in-memory database of its own, migrated afresh. The default one outlives the
     * application started before this profile's, and on H2 2.4 the restarted application's inserts then fail its
     * check constraints ("Check constraint invalid"). On PostgreSQL (CI sets the URL) the database is shared as
     * it is.
     */
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(settings());
        if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            overrides.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:debrief-tracker-test;DB_CLOSE_DELAY=-1");
        }
        return overrides;
    }

    private static Map<String, String> settings() {
        return Map.ofEntries(Map.entry("debrief.tracker.default", "github"),
                Map.entry("debrief.tracker.timeout", "PT1S"),
                Map.entry("debrief.tracker.create-on-publish", "true"),
                Map.entry("debrief.public-url", "https://debrief.example.test"),
                Map.entry("debrief.tracker.github.token", GITHUB_TOKEN),
                Map.entry("debrief.tracker.github.repository", "acme/web"),
                Map.entry("debrief.tracker.github.webhook-secret", GITHUB_SECRET),
                Map.entry("debrief.tracker.gitlab.token", GITLAB_TOKEN),
                Map.entry("debrief.tracker.gitlab.project", "acme/ops"),
                Map.entry("debrief.tracker.gitlab.webhook-token", GITLAB_SECRET),
                Map.entry("debrief.tracker.jira.user", "bot@acme.test"),
                Map.entry("debrief.tracker.jira.token", JIRA_TOKEN),
                Map.entry("debrief.tracker.jira.project", "OPS"),
                Map.entry("debrief.tracker.jira.webhook-secret", JIRA_SECRET));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TrackerFakes.class));
    }
}
