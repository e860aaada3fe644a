package dev.debrief.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.debrief.support.Api;
import dev.debrief.support.AxeCore;
import dev.debrief.support.BrowserSession;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Single sign-on against Quarkus's mock OpenID Connect provider: its code flow always signs in {@code alice} in the
 * groups {@code user} and {@code admin}, and it signs access tokens for any name and groups. This profile maps
 * {@code user} to editor; {@code admin} is not a mapped value. The real provider's test is {@code KeycloakIT}.
 */
@QuarkusTest
@TestProfile(SingleSignOnTest.ProviderConfigured.class)
class SingleSignOnTest {

    /** The operator's settings, as the environment of a real instance would give them. */
    public static class ProviderConfigured implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(Map.of(
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus",
                    "quarkus.oidc.client-id", "debrief",
                    "quarkus.oidc.credentials.secret", "debrief-mock-provider-secret-0123456789",
                    "debrief.oidc.display-name", "Example ID",
                    "debrief.oidc.roles.editor", "user"));
            if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
                // A database of its own: H2 2.4 cannot evaluate a check constraint once the connection that created
                // it is closed, as it is when the previous profile's application stopped, so inserting users into
                // the shared in-memory database would fail.
                config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:debrief-sso;DB_CLOSE_DELAY=-1");
            }
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    SingleSignOnUsers users;

    @BeforeEach
    void reset() {
        data.reset();
        data.sql("delete from app_user where username not in ('admin', '" + Api.EDITOR + "', '" + Api.VIEWER + "')");
    }

    @Test
    void theLoginPageOffersTheProvider() {
        Document login = Jsoup.parse(given().get("/login").asString());

        assertThat(login.select("[data-testid=sso-sign-in]").text()).isEqualTo("Sign in with Example ID");
        assertThat(login.select("[data-testid=sso-sign-in]").attr("href")).isEqualTo("/login/oidc");
        assertThat(login.select("form[action=/j_security_check]")).as("local users keep their form").hasSize(1);
        assertThat(login.select("[data-testid=recovery-only]")).as("local sign-in is on by default").isEmpty();
    }

    @Test
    void signingOutMayLeadTheBrowserOnToTheProvider() {
        String provider = URI.create(ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class))
                .resolve("/").toString().replaceAll("/$", "");

        assertThat(given().get("/login").header("Content-Security-Policy")).contains("form-action 'self' " + provider + ";");
    }

    @Test
    void theSignInStartsTheCodeFlowWithPkceAndState() {
        Response start = given().redirects().follow(false).get("/login/oidc");

        assertThat(start.statusCode()).isEqualTo(302);
        Map<String, String> query = query(start.header("Location"));
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "debrief")
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "code_challenge")
                .containsEntry("redirect_uri", base + "login/oidc");
    }

    @Test
    void theFirstSignInMakesTheUserWithTheMappedRoleAndAudits() {
        WebSession session = signInThroughProvider();

        Document home = session.page("/");
        assertThat(home.select("[data-testid=signed-in-user]").text()).isEqualTo("alice");
        Api.asAdmin().get("/api/users").then().statusCode(200)
                .body("find { it.username == 'alice' }.role", equalTo("editor"));
        Api.asAdmin().get("/api/audit?action=sign-in.succeeded").then().statusCode(200)
                .body("items.actor", hasItem("alice"));
    }

    @Test
    void theRoleIsReadAgainAtTheNextSignIn() {
        signInThroughProvider();
        Api.asAdmin().body(Map.of("role", "viewer")).patch("/api/users/alice").then().statusCode(200);

        signInThroughProvider();

        Api.asAdmin().get("/api/users").then()
                .body("find { it.username == 'alice' }.role", equalTo("editor"));
    }

    @Test
    void aLocalUserOfTheSameNameIsNotTakenOver() {
        Api.asAdmin().body(Map.of("username", "alice", "password", "alice-local-password-1", "role", "admin"))
                .post("/api/users").then().statusCode(201);

        Response refused = followCodeFlow(new HashMap<>());

        assertThat(refused.header("Location")).endsWith("/login?sso=name-taken");
        assertThat(refused.getCookies()).doesNotContainKey("quarkus-credential");
        Document login = Jsoup.parse(given().get("/login?sso=name-taken").asString());
        assertThat(login.select("[data-testid=sso-refused]").text()).contains("already has a user");
    }

    @Test
    void signingOutEndsTheSessionAtTheProviderToo() {
        WebSession session = signInThroughProvider();

        Response signOut = session.submit(session.page("/"), "form.signout", Map.of());

        assertThat(signOut.statusCode()).isEqualTo(303);
        assertThat(signOut.header("Location")).endsWith("/logout/oidc");
        assertThat(session.get("/").statusCode()).as("the page session is over").isEqualTo(302);
        Response atProvider = session.get("/logout/oidc");
        assertThat(atProvider.statusCode()).isEqualTo(302);
        assertThat(atProvider.header("Location")).contains("/protocol/openid-connect/end-session")
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
    }

    /** The provider's session cookie still holds a valid ID token after sign-out; a copy of it starts nothing. */
    @Test
    void aCopyOfTheProvidersSessionCookieStartsNoSessionAfterSigningOut() {
        WebSession session = signInThroughProvider();
        Map<String, String> copied = new HashMap<>(session.cookies());
        copied.remove("quarkus-credential");
        WebSession copy = WebSession.withCookies(copied);
        session.submit(session.page("/"), "form.signout", Map.of());

        Response again = copy.get("/login/oidc");

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.header("Location")).endsWith("/login?sso=signed-out");
        assertThat(again.getCookies()).doesNotContainKey("quarkus-credential");
        assertThat(copy.get("/").statusCode()).isEqualTo(302);
        assertThat(Jsoup.parse(given().get("/login?sso=signed-out").asString()).select("[data-testid=sso-signed-out]")
                .text()).startsWith("You signed out of that session.");
    }

    @Test
    void anAccessTokenOfTheProviderCallsTheApiWithTheMappedRole() {
        String editor = OidcWiremockTestResource.getAccessToken("dana", Set.of("user"));

        Api.withToken(editor).body(PostMortemJson.complete().build()).post("/api/postmortems").then()
                .statusCode(201);
        Api.asAdmin().get("/api/users").then()
                .body("find { it.username == 'dana' }.role", equalTo("editor"));
    }

    @Test
    void aFirstRequestThatLosesTheRaceToCreateTheUserReadsTheWinnersUser() throws Exception {
        SingleSignOnClaims claims = new SingleSignOnClaims("subject-of-rita", "rita", null, null, Set.of("user"));
        CountDownLatch created = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // The other request has created rita and not yet committed when this one looks for her.
            Future<?> winner = other.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                AppUser.fromProvider(claims, Role.EDITOR, "unusable", Instant.now()).persistAndFlush();
                created.countDown();
                pause(Duration.ofMillis(700));
            }));
            assertThat(created.await(10, TimeUnit.SECONDS)).isTrue();

            AppUser user = users.userFor(claims);

            winner.get(10, TimeUnit.SECONDS);
            assertThat(user.getUsername()).isEqualTo("rita");
            assertThat(user.getRole()).isEqualTo(Role.EDITOR);
        } finally {
            other.shutdownNow();
        }
        Api.asAdmin().get("/api/users").then().statusCode(200)
                .body("findAll { it.username == 'rita' }.size()", equalTo(1));
    }

    @Test
    void anAccessTokenWithNoMappedGroupReadsAsAViewer() {
        String cook = OidcWiremockTestResource.getAccessToken("carla", Set.of("catering"));

        Api.withToken(cook).get("/api/postmortems").then().statusCode(200);
        Api.withToken(cook).body(PostMortemJson.complete().build()).post("/api/postmortems").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anAccessTokenCannotMakePersonalTokens() {
        String editor = OidcWiremockTestResource.getAccessToken("dana", Set.of("user"));

        Api.withToken(editor).body(Map.of("name", "ci", "scope", "write")).post("/api/tokens").then()
                .statusCode(403);
    }

    @Test
    void aForgedOrExpiredTokenIs401WithAProblem() {
        Api.withToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.bm90LXNpZ25lZA").get("/api/postmortems").then()
                .statusCode(401).contentType("application/problem+json");
        String expired = Jwt.preferredUserName("dana").groups(Set.of("user")).issuer("https://server.example.com")
                .subject("dana-subject").issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).jws().keyId("1").sign("privateKey.jwk");
        Api.withToken(expired).get("/api/postmortems").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void theLoginPageWithTheProviderButtonHasNoAccessibilityViolation() throws Exception {
        try (BrowserSession browser = BrowserSession.start(base)) {
            browser.open("/login");
            browser.waitFor(By.cssSelector("[data-testid=sso-sign-in]"));
            assertThat(AxeCore.violations(browser.driver())).isEmpty();
            browser.open("/login?sso=no-role");
            assertThat(AxeCore.violations(browser.driver())).isEmpty();
        }
    }

    /** The code flow as a browser follows it, through the mock provider, to a Debrief page session. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static WebSession signInThroughProvider() {
        Map<String, String> cookies = new HashMap<>();
        Response landing = followCodeFlow(cookies);
        assertThat(landing.statusCode()).isEqualTo(303);
        assertThat(URI.create(landing.header("Location")).getPath()).isEqualTo("/");
        assertThat(cookies).containsKey("quarkus-credential");
        return WebSession.withCookies(cookies);
    }

    /** Returns Debrief's last answer, on {@code /login/oidc} after the provider sent the person back. */
    private static Response followCodeFlow(Map<String, String> cookies) {
        Response start = given().redirects().follow(false).get("/login/oidc");
        cookies.putAll(start.getCookies());
        Map<String, String> authorization = query(start.header("Location"));
        URI provider = URI.create(start.header("Location"));
        // The mock provider's login form submits to /login, which sends the person back with a code.
        Response approved = given().redirects().follow(false).baseUri(provider.getScheme() + "://" + provider.getHost())
                .port(provider.getPort()).queryParam("state", authorization.get("state"))
                .queryParam("redirect_uri", authorization.get("redirect_uri")).get("/login");
        Response callback = given().redirects().follow(false).urlEncodingEnabled(false).cookies(cookies)
                .get(approved.header("Location"));
        cookies.putAll(callback.getCookies());
        Response signIn = given().redirects().follow(false).cookies(cookies).get(callback.header("Location"));
        cookies.putAll(signIn.getCookies());
        return signIn;
    }

    private static Map<String, String> query(String location) {
        return Arrays.stream(URI.create(location).getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0],
                        pair -> URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8)));
    }
}
