package dev.debrief.security;

import static dev.debrief.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.debrief.support.Api;
import dev.debrief.support.MutableClock;
import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in throttling as clients see it: all requests come from one address, 127.0.0.1. */
@QuarkusTest
class SignInThrottlingTest {

    private static final int PER_USER = 10;
    private static final int PER_ADDRESS = 50;

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    SignInThrottle throttle;

    @Inject
    CredentialCache cache;

    @BeforeEach
    void start() {
        data.reset();
        forgetEverything();
    }

    /** Other test classes share this instance: leave no failures behind. */
    @AfterEach
    void forgetEverything() {
        throttle.clear();
        cache.clear();
        clock.reset();
    }

    @Test
    void wrongCurrentPasswordsOfAPasswordChangeCountAsFailedSignIns() {
        WebSession page = WebSession.signIn(Api.EDITOR, Api.USER_PASSWORD);
        Document form = page.page("/account/password");
        for (int i = 1; i <= PER_USER; i++) {
            as(Api.EDITOR, Api.USER_PASSWORD)
                    .body(Map.of("currentPassword", "wrong-password-" + i, "newPassword", "erin-new-password-678"))
                    .put("/api/users/me/password").then().statusCode(400);
        }

        as(Api.EDITOR, Api.USER_PASSWORD)
                .body(Map.of("currentPassword", Api.USER_PASSWORD, "newPassword", "erin-new-password-678"))
                .put("/api/users/me/password").then().statusCode(429);
        Response onThePage = page.submit(form, "form[action=/account/password]",
                Map.of("currentPassword", Api.USER_PASSWORD, "newPassword", "erin-new-password-678"));
        assertThat(onThePage.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(onThePage.asString()).select("[data-testid=error-currentPassword]").text())
                .startsWith("was wrong too often; try again in");
    }

    @Test
    void tenWrongPasswordsAre401AndTheEleventhIs429WithRetryAfter() {
        failApiSignIns(Api.EDITOR, PER_USER);

        as(Api.EDITOR, "wrong-password-11").get("/api/postmortems")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo(Long.toString(Duration.ofMinutes(15).toSeconds())))
                .body("status", equalTo(429));
    }

    @Test
    void insideTheWindowEvenTheRightPasswordIs429() {
        failApiSignIns(Api.EDITOR, PER_USER);
        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofMinutes(10)));

        as(Api.EDITOR, Api.USER_PASSWORD).get("/api/postmortems")
                .then().statusCode(429)
                .header("Retry-After", equalTo(Long.toString(Duration.ofMinutes(5).toSeconds())));
    }

    @Test
    void anotherUserFromTheSameAddressIsUnaffected() {
        failApiSignIns(Api.EDITOR, PER_USER);

        as(Api.VIEWER, Api.USER_PASSWORD).get("/api/postmortems").then().statusCode(200);
        as(Api.EDITOR, Api.USER_PASSWORD).get("/api/postmortems").then().statusCode(429);
    }

    @Test
    void afterTheWindowTheRightPasswordWorksAgain() {
        failApiSignIns(Api.EDITOR, PER_USER);
        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofMinutes(15)).minusSeconds(1));
        as(Api.EDITOR, Api.USER_PASSWORD).get("/api/postmortems")
                .then().statusCode(429).header("Retry-After", equalTo("1"));

        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofMinutes(15)));

        as(Api.EDITOR, Api.USER_PASSWORD).get("/api/postmortems").then().statusCode(200);
    }

    @Test
    void aSuccessResetsTheCount() {
        failApiSignIns(Api.EDITOR, PER_USER - 1);
        as(Api.EDITOR, Api.USER_PASSWORD).get("/api/postmortems").then().statusCode(200);

        failApiSignIns(Api.EDITOR, PER_USER);
        as(Api.EDITOR, "wrong-password-again").get("/api/postmortems").then().statusCode(429);
    }

    @Test
    void afterFiftyFailuresFromAnAddressOnlyCachedCredentialsAndSessionsAreServed() {
        as(Api.VIEWER, Api.USER_PASSWORD).get("/api/postmortems").then().statusCode(200);
        WebSession session = WebSession.asViewer();
        for (int name = 0; name < PER_ADDRESS / PER_USER; name++) {
            failApiSignIns("guess-" + name, PER_USER);
        }

        as(Api.VIEWER, Api.USER_PASSWORD).get("/api/postmortems").then().statusCode(200);
        assertThat(session.get("/").statusCode()).isEqualTo(200);
        as(Api.EDITOR, Api.USER_PASSWORD).get("/api/postmortems")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo(Long.toString(Duration.ofMinutes(15).toSeconds())));
    }

    @Test
    void aThrottledPageSignInShowsTheLoginPageWithTheWait() {
        for (int attempt = 1; attempt <= PER_USER; attempt++) {
            Response failed = signInOnThePage(Api.EDITOR, "wrong-password-" + attempt);
            assertThat(failed.header("Location")).contains("/login?error");
        }

        Response refused = signInOnThePage(Api.EDITOR, Api.USER_PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo(Long.toString(Duration.ofMinutes(15).toSeconds()));
        assertThat(refused.header("Location")).isNull();
        assertThat(refused.getCookies()).doesNotContainKey("quarkus-credential");
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select("[data-testid=login-throttled]").text()).contains("Try again in 15 minutes");
        assertThat(page.select("input[name=j_password]")).hasSize(1);
    }

    private static void failApiSignIns(String user, int times) {
        for (int attempt = 1; attempt <= times; attempt++) {
            as(user, "wrong-password-" + attempt).get("/api/postmortems").then().statusCode(401);
        }
    }

    private static Response signInOnThePage(String user, String password) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", password)
                .post("/j_security_check");
    }
}
