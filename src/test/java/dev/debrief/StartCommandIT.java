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
 */
class StartCommandIT {

    @Test
    void theBuildsClassDataArchiveServesTheStartCommand() throws Exception {
        Path jvmOptions = Path.of("target/quarkus-app/jvm.options");
        assertThat(Files.readString(jvmOptions)).contains("-XX:SharedArchiveFile=").contains("app-cds.jsa");
        assertThat(Path.of("target/quarkus-app/app-cds.jsa")).isNotEmptyFile();

        try (PackagedApp app = new PackagedApp(Files.createTempDirectory("debrief-start"), "start-command-admin-pw")
                .javaOption("-Xshare:on").javaOption("-Xlog:cds=info").start()) {
            app.api().get("/api/postmortems").then().statusCode(200);
            assertThat(app.log()).doesNotContain("Unable to use shared archive");
        }
    }
}
