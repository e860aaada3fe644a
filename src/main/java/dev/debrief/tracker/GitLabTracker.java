package dev.debrief.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.common.DebriefConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** GitLab issues through the REST API v4 of one project. */
@ApplicationScoped
class GitLabTracker extends RestTracker {

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
        return ticket(post(issues(""), body));
    }

    /**
     * GitLab searches the descriptions in its database, so a ticket just opened is found at once. Its search matches
     * parts of words, so item 5's marker finds items 50 to 59, 500 to 599 and so on too: the pages are read until the
     * one that carries the marker whole (at most {@link #LOOK_UP_PAGES} pages of 100).
     */
    @Override
    public Optional<RemoteTicket> findByMarker(String marker) {
        return markedInPages(100, page -> get(withQuery(issues(""), Map.of("labels", NewTicket.LABEL,
                "search", marker, "in", "description", "scope", "all", "per_page", "100",
                "page", Integer.toString(page + 1)))), marker, "description").map(this::ticket);
    }

    @Override
    public RemoteTicket read(String remoteId) {
        return ticket(get(issue(remoteId)));
    }

    @Override
    public boolean hasComment(String remoteId, String marker) {
        JsonNode notes = get(withQuery(issue(remoteId) + "/notes", Map.of("sort", "desc", "order_by", "created_at",
                "per_page", "100")));
        return firstMarked(notes, marker, "body").isPresent();
    }

    @Override
    public void comment(String remoteId, String text) {
        post(issue(remoteId) + "/notes", Map.of("body", text));
    }

    /** GitLab closes issues without a reason; the comment says whether the item was done or dropped. */
    @Override
    public RemoteTicket close(String remoteId, boolean completed) {
        return ticket(put(issue(remoteId), Map.of("state_event", "close")));
    }

    /** The ticket an issue of the API describes. */
    RemoteTicket ticket(JsonNode issue) {
        String iid = issue.path("iid").asText();
        return issueTicket(iid, project() + "#" + iid, issue.path("web_url").asText(null), issue);
    }

    /**
     * The ticket an issue event's {@code object_attributes} describe: the same fields as the API's, but its address
     * is {@code url}.
     */
    RemoteTicket fromEvent(JsonNode attributes) {
        String iid = attributes.path("iid").asText();
        return issueTicket(iid, project() + "#" + iid, attributes.path("url").asText(null), attributes);
    }

    String project() {
        return settings().project().orElse("");
    }

    @Override
    public boolean holds(String key) {
        return numberedIn(project(), key);
    }

    @Override
    String apiBase() {
        return settings().apiUrl().toString();
    }

    @Override
    Map<String, String> headers() {
        return Map.of("PRIVATE-TOKEN", settings().token().orElse(""));
    }

    private String issues(String rest) {
        return "/projects/" + TrackerHttp.encode(project()) + "/issues" + rest;
    }

    private String issue(String remoteId) {
        return issues("/" + TrackerHttp.encode(remoteId));
    }

    private DebriefConfig.GitLab settings() {
        return config.tracker().gitlab();
    }
}
