package dev.debrief.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.common.DebriefConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** GitLab issues through the REST API v4 of one project. */
@ApplicationScoped
class GitLabTracker implements Tracker {

    @Inject
    DebriefConfig config;

    @Inject
    TrackerHttp http;

    @Override
    public TrackerKind kind() {
        return TrackerKind.GITLAB;
    }

    @Override
    public boolean configured() {
        return settings().token().isPresent() && settings().project().isPresent();
    }

    @Override
    public RemoteTicket create(NewTicket ticket) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", ticket.title());
        body.put("description", ticket.body());
        body.put("labels", NewTicket.LABEL);
        return ticket(http.post(kind(), issues(""), headers(), body));
    }

    /** GitLab searches the descriptions in its database, so a ticket just opened is found at once. */
    @Override
    public Optional<RemoteTicket> findByMarker(String marker) {
        JsonNode list = http.get(kind(), issues("?" + TrackerHttp.query(Map.of("labels", NewTicket.LABEL,
                "search", marker, "in", "description", "scope", "all"))), headers());
        for (JsonNode issue : list) {
            if (issue.path("description").asText("").contains(marker)) {
                return Optional.of(ticket(issue));
            }
        }
        return Optional.empty();
    }

    @Override
    public RemoteTicket read(String remoteId) {
        return ticket(http.get(kind(), issues("/" + TrackerHttp.encode(remoteId)), headers()));
    }

    /** The ticket an issue of the API describes. */
    RemoteTicket ticket(JsonNode issue) {
        String iid = issue.path("iid").asText();
        return new RemoteTicket(iid, project() + "#" + iid, issue.path("web_url").asText(null),
                "closed".equals(issue.path("state").asText()), TrackerTimes.of(issue.get("closed_at")),
                TrackerTimes.of(issue.get("updated_at")));
    }

    /**
     * The ticket an issue event's {@code object_attributes} describe: the same fields as the API's, but its address
     * is {@code url}.
     */
    RemoteTicket fromEvent(JsonNode attributes) {
        String iid = attributes.path("iid").asText();
        return new RemoteTicket(iid, project() + "#" + iid, attributes.path("url").asText(null),
                "closed".equals(attributes.path("state").asText()), TrackerTimes.of(attributes.get("closed_at")),
                TrackerTimes.of(attributes.get("updated_at")));
    }

    String project() {
        return settings().project().orElse("");
    }

    private URI issues(String rest) {
        String base = settings().apiUrl().toString().replaceAll("/+$", "");
        return URI.create(base + "/projects/" + TrackerHttp.encode(project()) + "/issues" + rest);
    }

    private Map<String, String> headers() {
        return Map.of("PRIVATE-TOKEN", settings().token().orElse(""));
    }

    private DebriefConfig.GitLab settings() {
        return config.tracker().gitlab();
    }
}
