package dev.debrief.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.debrief.support.Api;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.RawHttp;
import dev.debrief.support.RawHttp.Reply;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a security review checks on the wire: the security headers on every kind of response, and headers that
 * are not media types refused with a 4xx problem instead of a 500. Requests are written by hand on a socket,
 * because HTTP clients will not send an empty Content-Type.
 */
@QuarkusTest
class HttpHardeningTest {

    @Inject
    TestData data;

    /** The editor and viewer these requests sign in as exist whichever test class ran before. */
    @BeforeEach
    void users() {
        data.reset();
    }

    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            ("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @TestHTTPResource("/")
    URL base;

    @Inject
    DatabaseIdentityProvider passwords;

    @Inject
    SecurityConfig config;

    @Test
    void anUnknownUserNameIsCheckedAtTheSameBcryptCostAsStoredPasswords() {
        String cost = "%02d".formatted(config.bcryptCost());
        assertThat(passwords.decoyHash()).matches("\\$2[aby]?\\$" + cost + "\\$.{53}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/api/postmortems", "/css/debrief.css", "/no-such-page", "/q/openapi"})
    void everyKindOfResponseCarriesTheSecurityHeaders(String path) throws IOException {
        Reply reply = send("GET " + path + " HTTP/1.1", Map.of());

        String csp = reply.header("content-security-policy");
        assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(reply.header("x-frame-options")).isEqualTo("DENY");
        assertThat(reply.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(reply.header("referrer-policy")).isEqualTo("same-origin");
        assertThat(reply.header("strict-transport-security")).as("no HSTS over plain HTTP").isNull();
    }

    @Test
    void imagesLoadFromThisSiteAndTheHostsAnAdminAllowsOnly() {
        assertThat(SecurityHeaders.policy(List.of(), Optional.empty())).contains("img-src 'self';");
        assertThat(SecurityHeaders.policy(List.of("https://images.example.com", " cdn.example.org:8443"),
                Optional.empty())).contains("img-src 'self' https://images.example.com cdn.example.org:8443;");
        assertThatThrownBy(() -> SecurityHeaders.policy(List.of("https://x.example; script-src *"), Optional.empty()))
                .hasMessageContaining("debrief.security.image-hosts");
    }

    @Test
    void formsMayLeadOnlyToThisSiteOrToTheSingleSignOnProvidersLogout() {
        assertThat(SecurityHeaders.policy(List.of(), Optional.empty())).contains("form-action 'self';");
        assertThat(SecurityHeaders.policy(List.of(), Optional.of("https://sso.example.com:8443")))
                .contains("form-action 'self' https://sso.example.com:8443;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/postmortems", "/api/postmortems/1/publish", "/api/postmortems/1/action-items",
            "/api/postmortems/1/action-items/order", "/api/reviews", "/api/reviews/2026-W01/decisions", "/api/users",
            "/api/blameless-check"})
    void anEmptyContentTypeIs415OnEveryWriteRoute(String path) throws IOException {
        Reply reply = send("POST " + path + " HTTP/1.1", Map.of("Authorization", ADMIN, "Content-Type", ""), "{}");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.header("content-type")).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"status\":415");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/postmortems/1/publish", "/api/reviews/2026-W11/finish", "/api/postmortems"})
    void aFormBodySentToTheApiIs415NotABare400(String path) throws IOException {
        Reply reply = send("POST " + path + " HTTP/1.1", Map.of("Authorization", ADMIN,
                "Content-Type", "application/x-www-form-urlencoded"), "a=1");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.header("content-type")).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {";;;", "json", "/", "application/", "text/html; charset"})
    void aGarbledContentTypeIs415(String contentType) throws IOException {
        Reply reply = send("POST /api/postmortems HTTP/1.1", Map.of("Authorization", ADMIN, "Content-Type",
                contentType), "{}");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.header("content-type")).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",,", "text/", "html"})
    void anAcceptThatIsNotMediaTypesIs406(String accept) throws IOException {
        Reply reply = send("GET /api/board HTTP/1.1", Map.of("Authorization", ADMIN, "Accept", accept));

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.header("content-type")).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "*", "application/json", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    void ordinaryAcceptHeadersStillWork(String accept) throws IOException {
        assertThat(send("GET /api/board HTTP/1.1", Map.of("Authorization", ADMIN, "Accept", accept)).status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "title      | Checkout\\nreturned 500s | title",
        "title      | Checkout\\treturned 500s | title",
        "services   | checkout\\r\\npayments   | services[0]",
        "attendees  | Dana\\nLee                | attendees[0]",
        "considered | one idea\\nanother     | considered[0]",
        "timeline   | config\\npushed          | timeline[0].event"})
    void aLineBreakInAOneLineFieldIs400NamingIt(String field, String escaped, String named) {
        String text = escaped.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
        Object value = switch (field) {
            case "title" -> text;
            case "timeline" -> List.of(Map.of("at", PostMortemJson.STARTED.toString(), "event", text));
            default -> List.of(text);
        };
        Api.asEditor().body(PostMortemJson.minimal().with(field, value).build()).post("/api/postmortems")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(named))
                .body("errors.message", hasItem("must be a single line, without line breaks or tabs"));
    }

    @Test
    void aLineBreakInAnItemOwnerIs400AndASectionKeepsItsLines() {
        long id = Scenarios.create(PostMortemJson.minimal().with("whatHappened", "First line.\nSecond line."));
        Map<String, Object> item = PostMortemJson.item(1);
        item.put("owner", "team\npayments");
        Api.asEditor().body(item).post("/api/postmortems/{id}/action-items", id)
                .then().statusCode(400).body("errors.field", hasItem("owner"));
        Api.asEditor().get("/api/postmortems/{id}", id).then().body("whatHappened", equalTo("First line.\nSecond line."));
    }

    @Test
    void swaggerUiIsOffByDefaultWhileTheOpenApiDocumentStays() throws IOException {
        assertThat(send("GET /q/swagger-ui/ HTTP/1.1", Map.of()).status()).isEqualTo(404);
        assertThat(send("GET /q/openapi HTTP/1.1", Map.of()).status()).isEqualTo(200);
    }

    private Reply send(String requestLine, Map<String, String> headers) throws IOException {
        return send(requestLine, headers, null);
    }

    private Reply send(String requestLine, Map<String, String> headers, String body) throws IOException {
        String[] parts = requestLine.split(" ");
        return new RawHttp(base).send(parts[0], parts[1], headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }
}
