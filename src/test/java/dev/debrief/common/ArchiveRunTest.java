package dev.debrief.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training run links what the JVM logged as loaded from a jar, so that JDK 17 puts it in the archive. */
class ArchiveRunTest {

    @Test
    void aClassLoadedFromAJarIsNamedAndOneFromTheArchiveOrTheJdkIsNot() {
        assertThat(ArchiveRun.loadedFromJar("[0.768s][info][class,load] org.hibernate.boot.Foo$Bar source: "
                + "file:/srv/debrief/quarkus-app/lib/main/org.hibernate.orm.hibernate-core-7.2.14.Final.jar"))
                .isEqualTo("org.hibernate.boot.Foo$Bar");
        assertThat(ArchiveRun.loadedFromJar("[0.1s][info][class,load] java.lang.Object source: shared objects file"))
                .isNull();
        assertThat(ArchiveRun.loadedFromJar("[0.2s][info][class,load] java.sql.Date source: jrt:/java.sql")).isNull();
        assertThat(ArchiveRun.loadedFromJar("[0.3s][info][gc] Using Serial")).isNull();
    }

    @Test
    void theLoggedClassesThatCanBeFoundAreLinkedAndTheOthersSkipped(@TempDir Path dir) throws Exception {
        Path log = dir.resolve(ArchiveRun.CLASS_LOG);
        Files.writeString(log, """
                [0.5s][info][class,load] dev.debrief.common.ArchiveRunTest source: file:/tmp/a.jar
                [0.6s][info][class,load] dev.debrief.common.NoSuchClass source: file:/tmp/a.jar
                [0.7s][info][class,load] java.lang.String source: shared objects file
                """);

        assertThat(ArchiveRun.linkLoadedClasses(log)).isEqualTo(1);
        assertThat(ArchiveRun.linkLoadedClasses(dir.resolve("absent.log"))).isZero();
    }
}
