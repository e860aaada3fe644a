package dev.debrief.admin;

import static dev.debrief.support.Api.asAdmin;
import static dev.debrief.support.Api.asEditor;
import static org.hamcrest.Matchers.containsString;

import dev.debrief.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may take backups, and what an instance without an embedded database file answers. */
@QuarkusTest
class BackupApiTest {

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void onlyAnAdminMayTakeOrListBackups() {
        asEditor().post("/api/admin/backups").then().statusCode(403);
        asEditor().get("/api/admin/backups").then().statusCode(403);
    }

    @Test
    void withoutAnEmbeddedDatabaseFileABackupIsAConflictThatSaysWhatToDoInstead() {
        // The tests run on an in-memory database, which like PostgreSQL has no file to copy.
        asAdmin().post("/api/admin/backups").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("pg_dump"));
    }
}
