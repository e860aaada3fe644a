package dev.debrief.security;

import static dev.debrief.support.Api.as;
import static dev.debrief.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Changing a password ends the old one at once, for the API and for every page session of the user. */
@QuarkusTest
class PasswordsTest {

    private static final String OLD = "pat-password-12345";
    private static final String NEW = "pat-new-password-678";

    @Inject
    TestData data;

    @Inject
    UserService users;

    @BeforeEach
    void pat() {
        data.reset();
        data.sql("delete from app_user where username = 'pat'");
        asAdmin().body(Map.of("username", "pat", "password", OLD, "role", "editor")).post("/api/users")
                .then().statusCode(201);
    }

    @Test
    void aUserChangesTheirOwnPasswordAndTheOldOneIsRefusedAtTheNextRequest() {
        as("pat", OLD).get("/api/board").then().statusCode(200);

        as("pat", OLD).body(Map.of("currentPassword", OLD, "newPassword", NEW)).put("/api/users/me/password")
                .then().statusCode(204);

        as("pat", OLD).get("/api/board").then().statusCode(401);
        as("pat", NEW).get("/api/board").then().statusCode(200);
    }

    @Test
    void aPasswordChangeSignsOutThePagesSignedInBefore() {
        WebSession before = WebSession.signIn("pat", OLD);
        assertThat(before.get("/").statusCode()).isEqualTo(200);

        as("pat", OLD).body(Map.of("currentPassword", OLD, "newPassword", NEW)).put("/api/users/me/password")
                .then().statusCode(204);

        Response page = before.get("/");
        assertThat(page.statusCode()).as("sent back to sign in").isIn(302, 303, 401);
        assertThat(WebSession.signIn("pat", NEW).get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminResetsAForgottenPasswordAndTheUsersSessionsEnd() {
        WebSession before = WebSession.signIn("pat", OLD);

        asAdmin().body(Map.of("newPassword", NEW)).put("/api/users/pat/password").then().statusCode(204);

        as("pat", OLD).get("/api/board").then().statusCode(401);
        as("pat", NEW).get("/api/board").then().statusCode(200);
        assertThat(before.get("/").statusCode()).isIn(302, 303, 401);
    }

    @Test
    void onlyAnAdminResetsSomeoneElsesPassword() {
        as("pat", OLD).body(Map.of("newPassword", NEW)).put("/api/users/admin/password").then().statusCode(403);
    }

    @Test
    void aDeletedUsersRememberedCredentialIsRefusedAtTheNextRequest() {
        as("pat", OLD).get("/api/board").then().statusCode(200);
        WebSession session = WebSession.signIn("pat", OLD);

        asAdmin().delete("/api/users/pat").then().statusCode(204);

        as("pat", OLD).get("/api/board").then().statusCode(401);
        assertThat(session.get("/").statusCode()).isIn(302, 303, 401);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "pat-password-12345 | short-pw-11       | newPassword     | an 11-character password",
        "pat-password-12345 | pat               | newPassword     | a 3-character password",
        "pat-password-12345 | QWERTY123456      | newPassword     | one of the most common passwords",
        "not-my-password-1  | pat-new-password-678 | currentPassword | a wrong current password",
    })
    void aRefusedChangeIs400NamingTheFieldAndKeepsThePassword(String current, String next, String field,
            String why) {
        as("pat", OLD).body(Map.of("currentPassword", current, "newPassword", next)).put("/api/users/me/password")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));

        as("pat", OLD).get("/api/board").then().statusCode(200);
    }

    @Test
    void aNewUsersPasswordMustNotBeTheUserName() {
        asAdmin().body(Map.of("username", "samantha-long", "password", "samantha-long", "role", "viewer"))
                .post("/api/users").then().statusCode(400).body("errors.field", hasItem("password"));
        asAdmin().body(Map.of("username", "samantha", "password", "x".repeat(73), "role", "viewer"))
                .post("/api/users").then().statusCode(400).body("errors.field", hasItem("password"));
    }

    @Test
    void thePolicyNamesEachProblem() {
        assertThat(PasswordPolicy.problems("p", "pat", "pat-password-12345")).isEmpty();
        assertThat(PasswordPolicy.problems("p", "pat", "eleven-char")).extracting("message")
                .containsExactly("must be at least 12 characters long");
        assertThat(PasswordPolicy.problems("p", "patricia-jones", "Patricia-Jones")).extracting("message")
                .containsExactly("must not be the user name");
        assertThat(PasswordPolicy.problems("p", "pat", "é".repeat(37))).extracting("message")
                .containsExactly("must be at most 72 bytes in UTF-8: bcrypt ignores anything longer");
        assertThat(PasswordPolicy.problems("p", "pat", "1qaz2wsx3edc")).extracting("message")
                .containsExactly("is one of the 10,000 most common passwords; choose another");
    }

    @Test
    void thePasswordPageChangesItAndSendsThePersonToSignInAgain() {
        WebSession pat = WebSession.signIn("pat", OLD);
        Document form = pat.page("/account/password");

        Response refused = pat.submit(form, "form[action=/account/password]",
                Map.of("currentPassword", OLD, "newPassword", "short"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.asString()).select("[data-testid=error-newPassword]").text())
                .isEqualTo("must be at least 12 characters long");

        Response changed = pat.submit(form, "form[action=/account/password]",
                Map.of("currentPassword", OLD, "newPassword", NEW));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.header("Location")).endsWith("/login?changed=true");
        as("pat", NEW).get("/api/board").then().statusCode(200);
        assertThat(pat.get("/").statusCode()).isIn(302, 303, 401);
    }

    @Test
    void aGeneratedPasswordMustBeReplacedAtTheFirstPageSignIn() {
        data.sql("delete from app_user where username = 'first-admin'");
        users.createFirst("first-admin", "generated-password-xyz", Role.ADMIN, true);
        WebSession admin = WebSession.signIn("first-admin", "generated-password-xyz");

        Response home = admin.get("/board");
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.header("Location")).endsWith("/account/password?first=true");
        assertThat(admin.page("/account/password?first=true").select("[data-testid=password-first]")).hasSize(1);
        as("first-admin", "generated-password-xyz").get("/api/board").then().statusCode(200);

        Response changed = admin.submit(admin.page("/account/password"), "form[action=/account/password]",
                Map.of("currentPassword", "generated-password-xyz", "newPassword", "my-own-password-42"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(WebSession.signIn("first-admin", "my-own-password-42").get("/board").statusCode()).isEqualTo(200);
    }
}
