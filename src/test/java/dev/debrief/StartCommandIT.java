package dev.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.PackagedApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The production start command, {@code java @quarkus-app/jvm.options -jar quarkus-app/quarkus-run.jar}
 * (docs/operations.md), uses the class-data archive that the build made: with {@code -Xshare:on} the JVM refuses
 * to start when it cannot map the archive, so a start that serves the API proves the archive fits this jar.
 * The archive holds what start-up links, Hibernate's boot model included: most classes come from it.
 */
class StartCommandIT {

    @Test
    void theBuildsClassDataArchiveServesTheStartCommand() throws Exception {
        Path jvmOptions = Path.of("target/quarkus-app/jvm.options");
        assertThat(Files.readString(jvmOptions)).contains("-XX:SharedArchiveFile=").contains("app-cds.jsa");
        assertThat(Path.of("target/quarkus-app/app-cds.jsa")).isNotEmptyFile();

        try (PackagedApp app = new PackagedApp(Files.createTempDirectory("debrief-start"), "start-command-admin-pw")
                .javaOption("-Xshare:on").javaOption("-Xlog:cds=info").javaOption("-Xlog:class+load=info").start()) {
            app.api().get("/api/postmortems").then().statusCode(200);
            String log = app.log();
            assertThat(log).doesNotContain("Unable to use shared archive");
            long loaded = log.lines().filter(line -> line.contains("[class,load] ")).count();
            long shared = log.lines()
                    .filter(line -> line.contains("[class,load] ") && line.contains("source: shared objects file"))
                    .count();
            assertThat(shared).as("classes from the archive, of %d loaded", loaded).isGreaterThan(loaded * 8 / 10);
        }
    }
}
