package dev.debrief.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code target/quarkus-app}) run as an operator runs it: its own process, a working
 * directory of its own (where the embedded database and its {@code data/} live), settings from the environment,
 * and everything it prints appended to {@code server.log} there.
 */
public final class PackagedApp implements AutoCloseable {

    private final Path workDir;
    private final int port;
    private final String adminPassword;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> javaOptions = new ArrayList<>();
    private Process process;

    public PackagedApp(Path workDir, String adminPassword) throws IOException {
        this.workDir = workDir;
        this.port = freePort();
        this.adminPassword = adminPassword;
        env.put("DEBRIEF_ADMIN_PASSWORD", adminPassword);
    }

    public PackagedApp env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** A Java option after the start command's argument file, which it overrides. */
    public PackagedApp javaOption(String option) {
        javaOptions.add(option);
        return this;
    }

    public int port() {
        return port;
    }

    public Path workDir() {
        return workDir;
    }

    /** A JSON API request to this process as {@code admin}. */
    public RequestSpecification api() {
        return Api.as("admin", adminPassword).baseUri("http://127.0.0.1").port(port);
    }

    public String log() throws IOException {
        Path log = workDir.resolve("server.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Starts the jar and waits until {@code /q/health/ready} answers 200. */
    public PackagedApp start() throws IOException, InterruptedException {
        process = launch();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Debrief exited early; see " + workDir.resolve("server.log"));
            }
            try {
                if (given().baseUri("http://127.0.0.1").port(port).get("/q/health/ready").statusCode() == 200) {
                    return this;
                }
            } catch (Exception notYetListening) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("Debrief did not become ready; see " + workDir.resolve("server.log"));
    }

    /** Starts the jar expecting it to refuse to start; returns its exit code. */
    public int startExpectingFailure() throws IOException, InterruptedException {
        process = launch();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("Debrief exits when it cannot start").isTrue();
        return process.exitValue();
    }

    /** Stops the process as an operator would, with SIGTERM, and waits for it to end. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Ends the process with SIGKILL, as a crash would. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Process launch() throws IOException {
        File jar = new File("target/quarkus-app/quarkus-run.jar").getAbsoluteFile();
        assertThat(jar).as("the packaged application (mvn package runs before this test)").exists();
        File options = new File(jar.getParentFile(), "jvm.options");
        assertThat(options).as("the start command's argument file, which the build writes").exists();
        assertThat(new File(jar.getParentFile(), "data")).as("no database or session key inside the package")
                .doesNotExist();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The production start command (docs/operations.md): java @quarkus-app/jvm.options -jar quarkus-app/quarkus-run.jar
        List<String> command = new ArrayList<>(List.of(java, "@" + options.getPath()));
        command.addAll(javaOptions);
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-jar", jar.getPath()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("server.log").toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
