package dev.debrief.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.PackagedApp;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Page sessions on the packaged jar: on the embedded database a session outlives a restart and no key reaches
 * the log; with any other database the jar refuses to start without a strong key of the operator's.
 */
class SessionKeyIT {

    private static final String PASSWORD = "session-admin-password";
    private static final String KEY_IN_LOG = "Encryption key was not specified";

    @Test
    void aSessionTakenBeforeARestartStillWorksAfterIt() throws Exception {
        try (PackagedApp app = new PackagedApp(Files.createTempDirectory("debrief-session"), PASSWORD)) {
            app.start();
            Map<String, String> cookies = signIn(app);
            assertThat(home(app, cookies).statusCode()).as("signed in before the restart").isEqualTo(200);

            app.stop();
            app.start();

            Response home = home(app, cookies);
            assertThat(home.statusCode()).as("the same cookie after the restart").isEqualTo(200);
            assertThat(home.asString()).doesNotContain("type=\"password\"");
            assertThat(app.log()).doesNotContain(KEY_IN_LOG);
            Path keyFile = app.workDir().resolve("data").resolve(SessionKeySource.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            assertThat(app.log()).doesNotContain(Files.readString(keyFile).strip());
        }
    }

    @Test
    void withAnExternalDatabaseAMissingKeyStopsTheStartNamingTheVariable() throws Exception {
        // An in-memory H2 stands in for PostgreSQL here: like it, it has no data directory to keep a key in.
        try (PackagedApp app = new PackagedApp(Files.createTempDirectory("debrief-session-nokey"), PASSWORD)
                .env("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:mem:no-key")) {
            assertThat(app.startExpectingFailure()).isNotZero();
            assertThat(app.log()).contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is not set");
        }
    }

    @Test
    void aShortKeyStopsTheStart() throws Exception {
        try (PackagedApp app = new PackagedApp(Files.createTempDirectory("debrief-session-short"), PASSWORD)
                .env("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "only-twenty-chars-00")) {
            assertThat(app.startExpectingFailure()).isNotZero();
            assertThat(app.log()).contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is too short (20 characters)");
        }
    }

    private static Map<String, String> signIn(PackagedApp app) {
        Response login = given().baseUri("http://127.0.0.1").port(app.port()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", PASSWORD)
                .post("/j_security_check");
        assertThat(login.getCookies()).containsKey("quarkus-credential");
        return login.getCookies();
    }

    private static Response home(PackagedApp app, Map<String, String> cookies) {
        return given().baseUri("http://127.0.0.1").port(app.port()).redirects().follow(false).cookies(cookies)
                .get("/");
    }
}
