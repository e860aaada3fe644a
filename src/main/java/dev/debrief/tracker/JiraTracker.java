package dev.debrief.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.common.DebriefConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jira Cloud or Data Center through the REST API v2 (plain-text descriptions). An issue counts as done when its
 * status is in Jira's "done" status category, or, when {@code done-statuses} is set, when its status has one of
 * those names.
 */
@ApplicationScoped
class JiraTracker extends RestTracker {

    private static final String FIELDS = "status,resolutiondate,updated,summary";

    @Override
    public TrackerKind kind() {
        return TrackerKind.JIRA;
    }

    @Override
    public boolean configured() {
        return settings().baseUrl().isPresent() && settings().token().isPresent() && settings().project().isPresent();
    }

    /** Jira answers a creation with the issue's id and key only; its state is read at once after. */
    @Override
    public RemoteTicket create(NewTicket ticket) {
        Map<String, Object> fields = Map.of("project", Map.of("key", project()), "summary", ticket.title(),
                "description", ticket.body(), "issuetype", Map.of("name", settings().issueType()),
                "labels", List.of(NewTicket.LABEL));
        JsonNode created = post("/issue", Map.of("fields", fields));
        String key = created.path("key").asText();
        return new RemoteTicket(key, key, browse(key), false, null, null);
    }

    @Override
    public Optional<RemoteTicket> findByMarker(String marker) {
        String jql = "project = \"" + project() + "\" AND labels = \"" + NewTicket.LABEL + "\" AND text ~ \""
                + marker + "\"";
        // Jira matches words, not the marker whole.
        return markedInPages(50, page -> get(withQuery("/search", Map.of("jql", jql, "fields", FIELDS + ",description",
                "maxResults", "50", "startAt", Integer.toString(page * 50)))).path("issues"),
                marker, "fields", "description").map(this::ticket);
    }

    @Override
    public RemoteTicket read(String remoteId) {
        return ticket(get(withQuery(issue(remoteId), Map.of("fields", FIELDS))));
    }

    @Override
    public boolean hasComment(String remoteId, String marker) {
        JsonNode page = get(withQuery(issue(remoteId) + "/comment", Map.of("orderBy", "-created",
                "maxResults", "100")));
        return firstMarked(page.path("comments"), marker, "body").isPresent();
    }

    @Override
    public void comment(String remoteId, String text) {
        post(issue(remoteId) + "/comment", Map.of("body", text));
    }

    /**
     * Jira closes an issue by a transition of its workflow: the first one offered that leads to a done status. An
     * issue done already offers none, and is left as it is; an open one without such a transition is a failure.
     */
    @Override
    public RemoteTicket close(String remoteId, boolean completed) {
        JsonNode offered = get(issue(remoteId) + "/transitions");
        for (JsonNode transition : offered.path("transitions")) {
            if (isDone(transition.path("to"))) {
                post(issue(remoteId) + "/transitions", Map.of("transition",
                        Map.of("id", transition.path("id").asText())));
                return read(remoteId);
            }
        }
        RemoteTicket now = read(remoteId);
        if (!now.closed()) {
            throw new TrackerFailure("Jira offers no transition of " + now.key() + " to a done status");
        }
        return now;
    }

    /** The ticket an issue of the API or of a webhook's payload describes; it is known by its key. */
    RemoteTicket ticket(JsonNode issue) {
        String key = issue.path("key").asText();
        JsonNode fields = issue.path("fields");
        boolean done = isDone(fields.path("status"));
        return new RemoteTicket(key, key, browse(key), done, done ? TrackerTimes.of(fields.get("resolutiondate"))
                : null, TrackerTimes.of(fields.get("updated")));
    }

    /** Whether a status (of an issue, or a transition's target) counts as done. */
    private boolean isDone(JsonNode status) {
        Optional<List<String>> names = settings().doneStatuses();
        if (names.isPresent()) {
            String name = status.path("name").asText();
            return names.get().stream().anyMatch(n -> n.strip().equalsIgnoreCase(name));
        }
        return "done".equals(status.path("statusCategory").path("key").asText());
    }

    private String project() {
        return settings().project().orElse("");
    }

    private String base() {
        return settings().baseUrl().map(URI::toString).orElse("").replaceAll("/+$", "");
    }

    @Override
    String apiBase() {
        return base() + "/rest/api/2";
    }

    private String issue(String remoteId) {
        return "/issue/" + TrackerHttp.encode(remoteId);
    }

    private String browse(String key) {
        return base() + "/browse/" + key;
    }

    /** Jira Cloud: Basic with the account's e-mail and an API token; Data Center: the personal access token as bearer. */
    @Override
    Map<String, String> headers() {
        String token = settings().token().orElse("");
        return Map.of("Authorization", settings().user()
                .map(user -> "Basic " + Base64.getEncoder().encodeToString((user + ":" + token)
                        .getBytes(StandardCharsets.UTF_8)))
                .orElse("Bearer " + token));
    }

    private DebriefConfig.Jira settings() {
        return config.tracker().jira();
    }
}
