package dev.debrief.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.common.DebriefConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GitHub Issues through the REST API (v2022-11-28) of one repository. */
@ApplicationScoped
class GitHubTracker extends RestTracker {

    /** Issues listed when looking for a marker: the newest of the label's, where a ticket just opened is. */
    private static final int LOOK_UP = 100;

    @Override
    public TrackerKind kind() {
        return TrackerKind.GITHUB;
    }

    @Override
    public boolean configured() {
        return settings().token().isPresent() && settings().repository().isPresent();
    }

    @Override
    public RemoteTicket create(NewTicket ticket) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", ticket.title());
        body.put("body", ticket.body());
        body.put("labels", List.of(NewTicket.LABEL));
        return ticket(post(issues(""), body));
    }

    /**
     * Lists the label's issues rather than using the search API, whose index lags: a ticket opened by a call that
     * then timed out must be found at once.
     */
    @Override
    public Optional<RemoteTicket> findByMarker(String marker) {
        JsonNode list = get(withQuery(issues(""), Map.of("labels", NewTicket.LABEL, "state", "all",
                "sort", "created", "direction", "desc", "per_page", Integer.toString(LOOK_UP))));
        for (JsonNode issue : list) {
            if (!issue.has("pull_request") && marks(issue.path("body").asText(""), marker)) {
                return Optional.of(ticket(issue));
            }
        }
        return Optional.empty();
    }

    @Override
    public RemoteTicket read(String remoteId) {
        return ticket(get(issue(remoteId)));
    }

    /** GitHub lists comments oldest first: the last page of a hundred is the one a comment just posted is on. */
    @Override
    public boolean hasComment(String remoteId, String marker) {
        JsonNode issue = get(issue(remoteId));
        int comments = issue.path("comments").asInt(0);
        int lastPage = Math.max(1, (comments + LOOK_UP - 1) / LOOK_UP);
        JsonNode list = get(withQuery(issue(remoteId) + "/comments", Map.of("per_page", Integer.toString(LOOK_UP),
                "page", Integer.toString(lastPage))));
        return firstMarked(list, marker, "body").isPresent();
    }

    @Override
    public void comment(String remoteId, String text) {
        post(issue(remoteId) + "/comments", Map.of("body", text));
    }

    @Override
    public RemoteTicket close(String remoteId, boolean completed) {
        return ticket(patch(issue(remoteId), Map.of("state", "closed",
                "state_reason", completed ? "completed" : "not_planned")));
    }

    /** The ticket an issue of a webhook's payload describes. */
    RemoteTicket ticket(JsonNode issue) {
        String number = issue.path("number").asText();
        return issueTicket(number, repository() + "#" + number, issue.path("html_url").asText(null), issue);
    }

    String repository() {
        return settings().repository().orElse("");
    }

    @Override
    public boolean holds(String key) {
        return numberedIn(repository(), key);
    }

    @Override
    String apiBase() {
        return settings().apiUrl().toString();
    }

    @Override
    Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + settings().token().orElse(""),
                "Accept", "application/vnd.github+json", "X-GitHub-Api-Version", "2022-11-28");
    }

    private String issues(String rest) {
        return "/repos/" + repository() + "/issues" + rest;
    }

    private String issue(String remoteId) {
        return issues("/" + TrackerHttp.encode(remoteId));
    }

    private DebriefConfig.GitHub settings() {
        return config.tracker().github();
    }
}
