package dev.debrief.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.PackagedApp;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * An online backup of the packaged jar's embedded database, restored the way docs/operations.md says: the state
 * at backup time comes back, and what was written after it is gone.
 */
class BackupRestoreIT {

    private static final String PASSWORD = "backup-admin-password";

    @Test
    void aRestoredBackupHoldsExactlyTheStateAtBackupTime() throws Exception {
        Path work = Files.createTempDirectory("debrief-backup");
        try (PackagedApp app = new PackagedApp(work, PASSWORD)) {
            app.start();
            long before = create(app, "Written before the backup");
            JsonPath backup = app.api().post("/api/admin/backups").then().statusCode(201).extract().jsonPath();
            String file = backup.getString("file");
            assertThat(backup.getLong("sizeBytes")).isPositive();
            assertThat(app.api().get("/api/admin/backups").jsonPath().getList("file", String.class)).contains(file);
            create(app, "Written after the backup");
            app.stop();

            // docs/operations.md, "Restore from an online backup"
            Path data = work.resolve("data");
            Files.move(data.resolve("debrief.mv.db"), data.resolve("debrief.mv.db.before-restore"));
            unzip(data.resolve("backups").resolve(file), data);

            app.start();
            JsonPath list = app.api().get("/api/postmortems").then().statusCode(200).extract().jsonPath();
            assertThat(list.getList("items.title", String.class)).containsExactly("Written before the backup");
            assertThat(list.getLong("items[0].id")).isEqualTo(before);
        }
    }

    private static long create(PackagedApp app, String title) {
        return app.api().body(Map.of("title", title, "severity", "SEV3", "startedAt", "2026-01-05T10:00:00Z"))
                .post("/api/postmortems").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as("zip entry inside " + into).isTrue();
                Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
