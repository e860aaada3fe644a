package dev.debrief;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
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

    private Process server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void acknowledgedWritesSurviveKillMinus9() throws Exception {
        Path workDir = Files.createTempDirectory("debrief-durability");
        int port = freePort();
        server = start(workDir, port);

        List<String> acknowledged = new ArrayList<>();
        Instant started = Instant.now().minus(Duration.ofHours(1));
        for (int i = 0; i < WRITES; i++) {
            String title = "durable " + i;
            int status = api(port).body(Map.of("title", title, "severity", "SEV4", "startedAt", started.toString()))
                    .post("/api/postmortems").statusCode();
            if (status == 201) {
                acknowledged.add(title);
            }
        }
        server.destroyForcibly().waitFor();

        server = start(workDir, port);
        List<String> found = api(port).queryParam("q", "durable").queryParam("size", 200).get("/api/postmortems")
                .then().statusCode(200).extract().jsonPath().getList("items.title", String.class);
        Set<String> survivors = new HashSet<>(found);

        assertThat(acknowledged).hasSize(WRITES);
        assertThat(survivors).containsAll(acknowledged);
        assertThat(workDir.resolve("data")).isDirectory();
    }

    private static io.restassured.specification.RequestSpecification api(int port) {
        return given().baseUri("http://127.0.0.1").port(port).auth().preemptive().basic("admin", PASSWORD)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static Process start(Path workDir, int port) throws IOException, InterruptedException {
        File jar = new File("target/quarkus-app/quarkus-run.jar").getAbsoluteFile();
        assertThat(jar).as("the packaged application (mvn package runs before this test)").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Dquarkus.http.port=" + port, "-jar", jar.getPath())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("server.log").toFile()));
        builder.environment().put("DEBRIEF_ADMIN_PASSWORD", PASSWORD);
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Debrief exited early; see " + workDir.resolve("server.log"));
            }
            try {
                if (given().baseUri("http://127.0.0.1").port(port).get("/q/health/ready").statusCode() == 200) {
                    return process;
                }
            } catch (Exception notYetListening) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("Debrief did not become ready; see " + workDir.resolve("server.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
