package dev.debrief.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.common.DebriefConfig;
import dev.debrief.common.InvalidFieldsException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The trackers' webhooks: each delivery proves its origin (a signature or a shared secret, else 401), names a
 * ticket, and its state is applied to the ticket's action item. A ticket Debrief does not know is answered 202 and
 * ignored; one it knows 200 with whether the item changed ({@code {"changed": false}} for a replay).
 */
@Path("/api/hooks")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class TrackerHooks {

    @Inject
    DebriefConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    TicketStates states;

    @Inject
    GitHubTracker github;

    @Inject
    GitLabTracker gitlab;

    @Inject
    JiraTracker jira;

    /** GitHub's "Issues" events, signed with the webhook's secret ({@code X-Hub-Signature-256}). */
    @POST
    @Path("github")
    public Response github(@HeaderParam("X-Hub-Signature-256") String signature,
            @HeaderParam("X-GitHub-Event") String event, byte[] body) {
        if (!HookSecrets.signed(config.tracker().github().webhookSecret(), signature, body)) {
            throw new BadHookCredentialsException("The delivery's X-Hub-Signature-256 does not match the webhook "
                    + "secret (debrief.tracker.github.webhook-secret).");
        }
        JsonNode payload = read(body);
        if (!"issues".equals(event) || !payload.path("issue").isObject()
                || !github.repository().equalsIgnoreCase(payload.path("repository").path("full_name").asText())) {
            return ignored();
        }
        return applied(TrackerKind.GITHUB, github.ticket(payload.path("issue")));
    }

    /** GitLab's issue events, carrying the webhook's secret token ({@code X-Gitlab-Token}). */
    @POST
    @Path("gitlab")
    public Response gitlab(@HeaderParam("X-Gitlab-Token") String token, byte[] body) {
        if (!HookSecrets.matches(config.tracker().gitlab().webhookToken(), token)) {
            throw new BadHookCredentialsException("The delivery's X-Gitlab-Token is not the webhook's secret token "
                    + "(debrief.tracker.gitlab.webhook-token).");
        }
        JsonNode payload = read(body);
        JsonNode project = payload.path("project");
        boolean ours = gitlab.project().equalsIgnoreCase(project.path("path_with_namespace").asText())
                || gitlab.project().equals(project.path("id").asText());
        if (!"issue".equals(payload.path("object_kind").asText()) || !ours) {
            return ignored();
        }
        return applied(TrackerKind.GITLAB, gitlab.fromEvent(payload.path("object_attributes")));
    }

    /**
     * Jira's issue events. An administrator webhook given a secret signs its body ({@code X-Hub-Signature}, the same
     * HMAC-SHA256 as GitHub's), and a signature that does not match is refused; an empty header arrives as none.
     * Where Jira does not sign (an automation rule's web request, a Jira without webhook secrets), the secret itself
     * travels in the {@code X-Debrief-Secret} header or, last, in the URL Jira is given ({@code ?secret=}).
     */
    @POST
    @Path("jira")
    public Response jira(@HeaderParam("X-Hub-Signature") String signature,
            @HeaderParam("X-Debrief-Secret") String inHeader, @QueryParam("secret") String inUrl, byte[] body) {
        Optional<String> secret = config.tracker().jira().webhookSecret();
        boolean proven = signature != null ? HookSecrets.signed(secret, signature, body)
                : HookSecrets.matches(secret, inHeader != null ? inHeader : inUrl);
        if (!proven) {
            throw new BadHookCredentialsException("The delivery carries neither an X-Hub-Signature of its body under "
                    + "the webhook's secret (debrief.tracker.jira.webhook-secret) nor that secret in X-Debrief-Secret "
                    + "or ?secret=.");
        }
        JsonNode payload = read(body);
        if (!payload.path("issue").isObject()) {
            return ignored();
        }
        return applied(TrackerKind.JIRA, jira.ticket(payload.path("issue")));
    }

    private Response applied(TrackerKind tracker, Tracker.RemoteTicket remote) {
        Optional<Boolean> changed = states.receive(tracker, remote);
        return changed.map(c -> Response.ok(Map.of("changed", c)).build()).orElseGet(TrackerHooks::ignored);
    }

    private static Response ignored() {
        return Response.accepted(Map.of("changed", false)).build();
    }

    private JsonNode read(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw InvalidFieldsException.of("body", "is not JSON");
        }
    }
}
