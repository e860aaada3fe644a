package dev.debrief.security;

import static dev.debrief.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.MutableClock;
import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signing out ends the session on the server: the cookie, and any copy of it (from a shared computer, a proxy's log,
 * a stolen backup of the browser's profile), is refused afterwards, while the person's other sessions go on.
 */
@QuarkusTest
class SignOutTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager em;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void aCopyOfTheCookieTakenBeforeSigningOutIsRefusedAfterIt() {
        WebSession editor = WebSession.asEditor();
        WebSession copy = WebSession.withCookies(editor.cookies());
        assertThat(copy.get("/").statusCode()).isEqualTo(200);

        signOut(editor);

        assertThat(copy.get("/").statusCode()).as("the copy after sign-out").isEqualTo(302);
        assertThat(copy.get("/").header("Location")).endsWith("/login");
    }

    @Test
    void aUserDeletedAndCreatedAgainUnderTheSameNameDoesNotTakeBackTheSessionsOfTheOneBefore() {
        asAdmin().body(Map.of("username", "quinn", "password", "quinn-password-123", "role", "editor"))
                .post("/api/users").then().statusCode(201);
        WebSession before = WebSession.signIn("quinn", "quinn-password-123");
        assertThat(before.get("/").statusCode()).isEqualTo(200);

        asAdmin().delete("/api/users/quinn").then().statusCode(204);
        asAdmin().body(Map.of("username", "quinn", "password", "another-password-456", "role", "viewer"))
                .post("/api/users").then().statusCode(201);

        assertThat(before.get("/").statusCode()).as("the session of the quinn deleted").isEqualTo(302);
        assertThat(WebSession.signIn("quinn", "another-password-456").get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsThatSessionOnly() {
        WebSession laptop = WebSession.asEditor();
        WebSession phone = WebSession.asEditor();

        signOut(laptop);

        assertThat(laptop.get("/").statusCode()).isEqualTo(302);
        assertThat(phone.get("/").statusCode()).as("the same person's other session").isEqualTo(200);
    }

    @Test
    void aRenewedCookieIsTheSameSession() throws InterruptedException {
        WebSession editor = WebSession.asEditor();
        WebSession copyOfTheFirstCookie = WebSession.withCookies(editor.cookies());
        // The test profile renews the cookie after a second (quarkus.http.auth.form.new-cookie-interval).
        Thread.sleep(1_500);
        Response renewing = editor.get("/");
        assertThat(renewing.statusCode()).isEqualTo(200);
        assertThat(renewing.getCookies()).as("a renewed cookie").containsKey("quarkus-credential");
        assertThat(editor.cookies().get("quarkus-credential"))
                .isNotEqualTo(copyOfTheFirstCookie.cookies().get("quarkus-credential"));

        signOut(editor);

        assertThat(copyOfTheFirstCookie.get("/").statusCode()).as("the first cookie of the session").isEqualTo(302);
    }

    @Test
    void aDoubleClickOnSignOutEndsTheSessionOnce() throws Exception {
        WebSession editor = WebSession.asEditor();
        Document home = editor.page("/");
        Map<String, String> cookies = editor.cookies();
        Callable<Response> click = () -> WebSession.withCookies(cookies).submit(home, "form.signout", Map.of());

        ExecutorService browser = Executors.newFixedThreadPool(2);
        try {
            for (Future<Response> clicked : browser.invokeAll(List.of(click, click))) {
                // The second click may arrive after the first ended the session: then the session is refused.
                assertThat(clicked.get().statusCode()).isIn(302, 303);
                assertThat(clicked.get().header("Location")).endsWith("/login");
            }
        } finally {
            browser.shutdown();
        }
        assertThat(endedSessions()).isEqualTo(1);
        assertThat(editor.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void anEndedSessionIsForgottenOnceItWouldHaveTimedOut() {
        signOut(WebSession.asEditor());
        assertThat(endedSessions()).isEqualTo(1);

        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofHours(8)).plusSeconds(1));
        signOut(WebSession.asViewer());

        assertThat(endedSessions()).as("only the second sign-out's session").isEqualTo(1);
    }

    @Test
    void signingOutWithoutASessionCookieSendsToTheLoginPage() {
        WebSession editor = WebSession.asEditor();
        Document home = editor.page("/");
        Map<String, String> cookies = new HashMap<>(editor.cookies());
        cookies.remove("quarkus-credential");

        Response out = WebSession.withCookies(cookies).submit(home, "form.signout", Map.of());

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/login");
        assertThat(endedSessions()).isZero();
        assertThat(editor.get("/").statusCode()).as("the session itself goes on").isEqualTo(200);
    }

    private static void signOut(WebSession session) {
        signOut(session, session.page("/"));
    }

    private static void signOut(WebSession session, Document page) {
        Response out = session.submit(page, "form.signout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(session.get("/").statusCode()).as("the session that signed out").isEqualTo(302);
    }

    private long endedSessions() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from ended_session").getSingleResult()).longValue());
    }
}
