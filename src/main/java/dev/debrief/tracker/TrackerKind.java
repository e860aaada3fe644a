package dev.debrief.tracker;

import java.util.Arrays;
import java.util.Optional;

/** The issue trackers Debrief links action items to, by the names configuration and the API use. */
public enum TrackerKind {
    GITHUB("github", "GitHub"),
    GITLAB("gitlab", "GitLab"),
    JIRA("jira", "Jira");

    private final String wireName;
    private final String label;

    TrackerKind(String wireName, String label) {
        this.wireName = wireName;
        this.label = label;
    }

    /** The name in configuration, the API and the database ({@code github}). */
    public String wireName() {
        return wireName;
    }

    /** The name people know it by ({@code GitHub}). */
    public String label() {
        return label;
    }

    static Optional<TrackerKind> named(String wireName) {
        return Arrays.stream(values()).filter(k -> k.wireName.equalsIgnoreCase(wireName.strip())).findFirst();
    }
}
