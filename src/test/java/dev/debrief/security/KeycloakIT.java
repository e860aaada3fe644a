package dev.debrief.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.fail;

import dev.debrief.support.Api;
import dev.debrief.support.AxeCore;
import dev.debrief.support.BrowserSession;
import dev.debrief.support.PackagedApp;
import dev.debrief.support.PostMortemJson;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Single sign-on against a real Keycloak, with the realm of {@code src/test/resources/keycloak}: its users sign in
 * through Keycloak's own login form into the packaged jar, configured as an operator would through the environment.
 * {@code .ci/keycloak} starts Keycloak and {@code .ci/run} passes its address as {@code -Dkeycloak.it.url};
 * local users' passwords are off ({@code DEBRIEF_OIDC_LOCAL_SIGN_IN=false}) but for the recovery admin's. Without
 * the property the test is skipped with a message on a developer machine, and fails in CI ({@code CI=true}).
 */
class KeycloakIT {

    private static final String SECRET = "debrief-keycloak-test-secret-0123456789";
    private static final String ADMIN_PASSWORD = "keycloak-it-admin-password";

    private static String keycloak;
    private static PackagedApp app;

    @BeforeAll
    static void start() throws Exception {
        keycloak = System.getProperty("keycloak.it.url", "");
        if (keycloak.isBlank()) {
            String message = "KeycloakIT needs a running Keycloak: .ci/keycloak start DIR, then "
                    + "./mvnw verify -Dkeycloak.it.url=$(cat DIR/url)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + ", and CI must run it.");
            }
            System.err.println("SKIPPED: " + message + ".");
            Assumptions.abort(message);
        }
        app = new PackagedApp(Files.createTempDirectory("debrief-keycloak"), ADMIN_PASSWORD)
                .env("QUARKUS_OIDC_TENANT_ENABLED", "true")
                .env("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak + "/realms/debrief")
                .env("QUARKUS_OIDC_CLIENT_ID", "debrief")
                .env("QUARKUS_OIDC_CREDENTIALS_SECRET", SECRET)
                .env("DEBRIEF_OIDC_DISPLAY_NAME", "Keycloak")
                .env("DEBRIEF_OIDC_LOCAL_SIGN_IN", "false")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void anEditorSignsInThroughKeycloaksFormAndLandsWithTheMappedRole() throws Exception {
        try (BrowserSession browser = BrowserSession.start(URI.create("http://localhost:" + app.port()).toURL())) {
            signIn(browser, "kc-editor", "kc-editor-password");

            assertThat(browser.text("[data-testid=signed-in-user]")).isEqualTo("kc-editor");
            app.api().get("/api/users").then().statusCode(200)
                    .body("find { it.username == 'kc-editor' }.role", equalTo("editor"));
        }
    }

    @Test
    void aUserInNoMappedGroupIsAViewer() throws Exception {
        try (BrowserSession browser = BrowserSession.start(URI.create("http://localhost:" + app.port()).toURL())) {
            signIn(browser, "kc-cook", "kc-cook-password");

            assertThat(browser.text("[data-testid=signed-in-user]")).isEqualTo("kc-cook");
            app.api().get("/api/users").then().body("find { it.username == 'kc-cook' }.role", equalTo("viewer"));
        }
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() throws Exception {
        try (BrowserSession browser = BrowserSession.start(URI.create("http://localhost:" + app.port()).toURL())) {
            signIn(browser, "kc-admin", "kc-admin-password");

            browser.driver().findElement(By.cssSelector("form.signout button[type=submit]")).click();
            try {
                browser.waitFor(By.cssSelector("[data-testid=sso-sign-in]"));
            } catch (RuntimeException notBack) {
                throw new AssertionError("not back on /login after sign-out: " + browser.driver().getCurrentUrl()
                        + "\n" + browser.driver().getPageSource(), notBack);
            }
            browser.open("/login/oidc");

            // Keycloak's session ended too: it asks for the password again instead of signing straight back in.
            browser.waitFor(By.id("kc-login"));
        }
    }

    @Test
    void withLocalSignInOffALocalUsersPasswordIsRefusedAndTheRecoveryAdminsIsNot() {
        app.api().contentType(ContentType.JSON)
                .body(Map.of("username", "local-ed", "password", "a-local-editor-password", "role", "editor"))
                .post("/api/users").then().statusCode(201);

        given().baseUri("http://127.0.0.1").port(app.port()).auth().preemptive()
                .basic("local-ed", "a-local-editor-password").get("/api/postmortems").then().statusCode(401)
                .contentType("application/problem+json");
        app.api().get("/api/postmortems").then().statusCode(200);
    }

    @Test
    void withLocalSignInOffTheLoginPageKeepsOnlyTheRecoverySignInAndPassesAxe() throws Exception {
        try (BrowserSession browser = BrowserSession.start(URI.create("http://localhost:" + app.port()).toURL())) {
            browser.open("/login");
            assertThat(browser.text("[data-testid=recovery-only]")).contains("admin");
            assertThat(AxeCore.violations(browser.driver())).isEmpty();

            browser.signIn("admin", ADMIN_PASSWORD);
            assertThat(browser.text("[data-testid=signed-in-user]")).isEqualTo("admin");
        }
    }

    @Test
    void aKeycloakAccessTokenCallsTheApi() {
        String token = accessToken("kc-editor", "kc-editor-password");

        withBearer(token).get("/api/postmortems").then().statusCode(200);
        withBearer(token).body(PostMortemJson.complete().build()).post("/api/postmortems").then().statusCode(201);
    }

    @Test
    void aTamperedTokenIs401WithAProblem() {
        String token = accessToken("kc-cook", "kc-cook-password");
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJlLXRoYXQtZG9lcy1ub3QtbWF0Y2g";

        withBearer(tampered).get("/api/postmortems").then().statusCode(401).contentType("application/problem+json");
    }

    private static void signIn(BrowserSession browser, String user, String password) {
        browser.open("/login");
        browser.waitFor(By.cssSelector("[data-testid=sso-sign-in]")).click();
        browser.waitFor(By.id("username")).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.id("kc-login")).click();
        browser.waitFor(By.cssSelector("[data-testid=counts]"));
    }

    private static String accessToken(String user, String password) {
        return given().baseUri(keycloak).contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", "debrief").formParam("client_secret", SECRET).formParam("username", user)
                .formParam("password", password).formParam("scope", "openid")
                .post("/realms/debrief/protocol/openid-connect/token").then().statusCode(200).extract()
                .path("access_token");
    }

    private RequestSpecification withBearer(String token) {
        return Api.withToken(token).baseUri("http://127.0.0.1").port(app.port());
    }
}
