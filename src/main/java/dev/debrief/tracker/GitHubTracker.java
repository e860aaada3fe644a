package dev.debrief.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.common.DebriefConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GitHub Issues through the REST API (v2022-11-28) of one repository. */
@ApplicationScoped
class GitHubTracker implements Tracker {

    /** Issues listed when looking for a marker: the newest of the label's, where a ticket just opened is. */
    private static final int LOOK_UP = 100;

    @Inject
    DebriefConfig config;

    @Inject
    TrackerHttp http;

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
        return ticket(http.post(kind(), issues(""), headers(), body));
    }

    /**
     * Lists the label's issues rather than using the search API, whose index lags: a ticket opened by a call that
     * then timed out must be found at once.
     */
    @Override
    public Optional<RemoteTicket> findByMarker(String marker) {
        JsonNode list = http.get(kind(), issues("?" + TrackerHttp.query(Map.of("labels", NewTicket.LABEL,
                "state", "all", "sort", "created", "direction", "desc", "per_page", Integer.toString(LOOK_UP)))),
                headers());
        for (JsonNode issue : list) {
            if (!issue.has("pull_request") && issue.path("body").asText("").contains(marker)) {
                return Optional.of(ticket(issue));
            }
        }
        return Optional.empty();
    }

    @Override
    public RemoteTicket read(String remoteId) {
        return ticket(http.get(kind(), issues("/" + TrackerHttp.encode(remoteId)), headers()));
    }

    /** The ticket an issue of a webhook's payload describes. */
    RemoteTicket ticket(JsonNode issue) {
        String number = issue.path("number").asText();
        return new RemoteTicket(number, repository() + "#" + number, issue.path("html_url").asText(null),
                "closed".equals(issue.path("state").asText()), TrackerTimes.of(issue.get("closed_at")),
                TrackerTimes.of(issue.get("updated_at")));
    }

    String repository() {
        return settings().repository().orElse("");
    }

    private URI issues(String rest) {
        String base = settings().apiUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/repos/" + repository() + "/issues" + rest);
    }

    private Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + settings().token().orElse(""),
                "Accept", "application/vnd.github+json", "X-GitHub-Api-Version", "2022-11-28");
    }

    private DebriefConfig.GitHub settings() {
        return config.tracker().github();
    }
}
