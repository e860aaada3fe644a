package dev.debrief.security;

import static dev.debrief.support.Api.ADMIN_PASSWORD;
import static dev.debrief.support.Api.anonymous;
import static dev.debrief.support.Api.as;
import static dev.debrief.support.Api.asAdmin;
import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.debrief.support.Api;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Stream;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class AccessTest {

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void aUserDeletedThroughAnotherInstanceIsRefusedAtTheNextRequest() {
        data.sql("delete from app_user where username = 'rita'");
        asAdmin().body(Map.of("username", "rita", "password", "rita-password-1", "role", "viewer"))
                .post("/api/users").then().statusCode(201);
        as("rita", "rita-password-1").get("/api/postmortems").then().statusCode(200);

        // Another instance deletes the user: this instance's cache is not told.
        data.sql("delete from app_user where username = 'rita'");

        as("rita", "rita-password-1").get("/api/postmortems").then().statusCode(401);
    }

    @Test
    void aPasswordChangedThroughAnotherInstanceEndsTheOldOneAtTheNextRequest() {
        data.sql("delete from app_user where username = 'rita'");
        asAdmin().body(Map.of("username", "rita", "password", "rita-password-1", "role", "editor"))
                .post("/api/users").then().statusCode(201);
        as("rita", "rita-password-1").get("/api/postmortems").then().statusCode(200);

        // Another instance gives the user a new password (and a lower role): a new hash in the database.
        data.sql("update app_user set password_hash = (select password_hash from app_user where username = '"
                + Api.VIEWER + "'), role = 'VIEWER' where username = 'rita'");

        as("rita", "rita-password-1").get("/api/postmortems").then().statusCode(401);
        as("rita", Api.USER_PASSWORD).get("/api/postmortems").then().statusCode(200);
        as("rita", Api.USER_PASSWORD).body(PostMortemJson.complete().build()).post("/api/postmortems")
                .then().statusCode(403);
    }

    /** Callers the API does not let in: no credentials, a wrong password, a user who does not exist. */
    @ParameterizedTest(name = "{0} is 401")
    @CsvSource({
        "anonymous, , ",
        "wrong password, admin, not-the-password",
        "unknown user, nobody, whatever-password",
    })
    void unauthenticatedApiCallIs401ProblemWithBasicChallenge(String who, String user, String password) {
        (user == null ? anonymous() : as(user, password)).get("/api/postmortems")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
    }

    @Test
    void viewerReadsButCannotWrite() {
        asViewer().get("/api/postmortems").then().statusCode(200);
        asViewer().body(PostMortemJson.complete().build()).post("/api/postmortems")
                .then().statusCode(403).contentType("application/problem+json");
        asViewer().get("/api/postmortems").then().body("total", equalTo(0));
    }

    @Test
    void editorWritesButCannotManageUsers() {
        asEditor().body(PostMortemJson.complete().build()).post("/api/postmortems").then().statusCode(201);
        asEditor().get("/api/users").then().statusCode(403);
    }

    @Test
    void adminCreatesAUserWhoCanThenSignIn() {
        asAdmin().body(Map.of("username", "vera", "password", "viewer-pw-123", "role", "viewer"))
                .post("/api/users")
                .then().statusCode(201)
                .header("Location", containsString("/api/users/vera"))
                .body("role", equalTo("viewer"))
                .body(not(containsString("viewer-pw-123")))
                .body(not(containsString("passwordHash")));
        as("vera", "viewer-pw-123").get("/api/postmortems").then().statusCode(200);
        asAdmin().get("/api/users").then().body("username", hasItem("vera"));
        asAdmin().delete("/api/users/vera").then().statusCode(204);
        as("vera", "viewer-pw-123").get("/api/postmortems").then().statusCode(401);
    }

    @Test
    void duplicateUserIs409() {
        asAdmin().body(Map.of("username", "erin", "password", "another-password", "role", "editor"))
                .post("/api/users").then().statusCode(409);
    }

    /** Users the admin cannot create, and the fields each refusal names. */
    static Stream<Arguments> refusedUsers() {
        return Stream.of(
                arguments("a name with a space, a short password and an unknown role",
                        Map.of("username", "Bad Name", "password", "short", "role", "root"),
                        containsInAnyOrder("username", "password", "role")),
                arguments("a password longer than bcrypt reads (40 two-byte characters)",
                        Map.of("username", "ulla", "password", "ü".repeat(40), "role", "viewer"),
                        contains("password")));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("refusedUsers")
    void invalidUserIsRefusedNamingTheFields(String why, Map<String, String> user, Matcher<?> fields) {
        asAdmin().body(user).post("/api/users")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", fields);
    }

    @Test
    void lastAdminCannotBeDeleted() {
        asAdmin().delete("/api/users/admin").then().statusCode(409).body("detail", containsString("last admin"));
        as("admin", ADMIN_PASSWORD).get("/api/postmortems").then().statusCode(200);
    }

    @Test
    void deletingAnUnknownUserIs404() {
        asAdmin().delete("/api/users/ghost").then().statusCode(404);
    }

    @Test
    void healthAndOpenApiNeedNoLogin() {
        anonymous().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem(containsString("Database")));
        anonymous().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/postmortems"));
    }
}
