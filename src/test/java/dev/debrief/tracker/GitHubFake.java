package dev.debrief.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's REST issues API and its "issues" webhook deliveries, in the shapes GitHub documents, for repository
 * {@code acme/web} under the fake's {@code /github} prefix.
 */
final class GitHubFake {

    static final String ISSUES = "/github/repos/acme/web/issues";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer server;

    GitHubFake(WireMockServer server) {
        this.server = server;
    }

    /** An issue as the API answers it. */
    static ObjectNode issue(int number, boolean closed, String closedAt, String updatedAt, String body) {
        ObjectNode issue = JSON.createObjectNode();
        issue.put("id", 1_000_000 + number);
        issue.put("number", number);
        issue.put("html_url", "https://github.com/acme/web/issues/" + number);
        issue.put("title", "Action 1");
        issue.put("body", body);
        issue.put("state", closed ? "closed" : "open");
        issue.put("created_at", "2026-03-10T12:00:00Z");
        issue.put("updated_at", updatedAt);
        if (closedAt == null) {
            issue.putNull("closed_at");
        } else {
            issue.put("closed_at", closedAt);
        }
        issue.putArray("labels").addObject().put("name", "postmortem-action-item");
        return issue;
    }

    /** Creating an issue answers 201 with issue {@code number}. */
    void creates(int number) {
        server.stubFor(post(urlPathEqualTo(ISSUES)).willReturn(TrackerTestBase.created(issue(number, false, null,
                "2026-03-10T12:00:00Z", "the body"))));
    }

    /** Creating an issue answers 201 after {@code delay}. */
    void createsAfter(int number, Duration delay) {
        server.stubFor(post(urlPathEqualTo(ISSUES)).willReturn(TrackerTestBase.created(issue(number, false, null,
                "2026-03-10T12:00:00Z", "the body")).withFixedDelay((int) delay.toMillis())));
    }

    /** Creating an issue takes longer than Debrief waits, and (as GitHub may) creates it all the same. */
    void createsSlowly(int number) {
        server.stubFor(post(urlPathEqualTo(ISSUES)).willReturn(TrackerTestBase.created(issue(number, false, null,
                "2026-03-10T12:00:00Z", "the body")).withFixedDelay(2_500)));
    }

    /** Every call answers 500. */
    void down() {
        server.stubFor(post(urlPathEqualTo(ISSUES)).willReturn(aResponse().withStatus(500)));
        server.stubFor(get(urlPathEqualTo(ISSUES)).willReturn(aResponse().withStatus(500)));
    }

    /** The label's issues, newest first, as the list endpoint answers them. */
    void lists(ObjectNode... issues) {
        ArrayNode list = JSON.createArrayNode();
        for (ObjectNode issue : issues) {
            list.add(issue);
        }
        server.stubFor(get(urlPathEqualTo(ISSUES)).willReturn(okJson(list.toString())));
    }

    /** Reading issue {@code number} answers this. */
    void reads(ObjectNode issue) {
        server.stubFor(get(urlPathEqualTo(ISSUES + "/" + issue.get("number").asInt()))
                .willReturn(okJson(issue.toString())));
    }

    void readFails(int number) {
        server.stubFor(get(urlPathEqualTo(ISSUES + "/" + number)).willReturn(aResponse().withStatus(502)));
    }

    /** The body of an "issues" delivery for {@code issue}, with {@code action} (closed, reopened). */
    static String delivery(String action, ObjectNode issue) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("action", action);
        payload.set("issue", issue);
        payload.putObject("repository").put("full_name", "acme/web");
        payload.putObject("sender").put("login", "octocat");
        return payload.toString();
    }

    /** {@code X-Hub-Signature-256} of {@code body} with {@code secret}. */
    static String signature(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
