package dev.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.PackagedApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A write acknowledged with 2xx survives the process being killed with SIGKILL right after: runs the
 * packaged jar on its default embedded H2 file database, kills it, starts it again on the same files.
 */
class DurabilityIT {

    private static final String PASSWORD = "durability-admin-pw";
    private static final int WRITES = 150;

    private PackagedApp server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.kill();
        }
    }

    @Test
    void acknowledgedWritesSurviveKillMinus9() throws Exception {
        Path workDir = Files.createTempDirectory("debrief-durability");
        server = new PackagedApp(workDir, PASSWORD).start();

        List<String> acknowledged = new ArrayList<>();
        Instant started = Instant.now().minus(Duration.ofHours(1));
        for (int i = 0; i < WRITES; i++) {
            String title = "durable " + i;
            int status = server.api().body(Map.of("title", title, "severity", "SEV4", "startedAt", started.toString()))
                    .post("/api/postmortems").statusCode();
            if (status == 201) {
                acknowledged.add(title);
            }
        }
        server.kill();

        server.start();
        List<String> found = server.api().queryParam("q", "durable").queryParam("size", 200).get("/api/postmortems")
                .then().statusCode(200).extract().jsonPath().getList("items.title", String.class);
        Set<String> survivors = new HashSet<>(found);

        assertThat(acknowledged).hasSize(WRITES);
        assertThat(survivors).containsAll(acknowledged);
        assertThat(workDir.resolve("data")).isDirectory();
    }
}
