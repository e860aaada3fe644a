package dev.debrief.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.common.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionKeySourceTest {

    @TempDir
    Path dir;

    @Test
    void theFirstReadGeneratesAPrivateKeyAndLaterReadsReuseIt() throws Exception {
        Path file = dir.resolve("data").resolve("session.key");

        String first = SessionKeySource.readOrCreate(file);
        String second = SessionKeySource.readOrCreate(file);

        assertThat(first).hasSizeGreaterThanOrEqualTo(SessionKeyCheck.MIN_LENGTH).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(dir.resolve("data")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aTruncatedKeyFileIsReplacedByAFullKey() throws Exception {
        Path file = dir.resolve("session.key");
        Files.writeString(file, "short");

        assertThat(SessionKeySource.readOrCreate(file)).hasSizeGreaterThanOrEqualTo(SessionKeyCheck.MIN_LENGTH);
    }

    @Test
    void onlyAnH2FileDatabaseHasADataDirectoryForTheKey() {
        assertThat(EmbeddedDatabase.dataDirectory("jdbc:h2:file:./data/debrief;WRITE_DELAY=0"))
                .contains(Path.of("data").toAbsolutePath());
        assertThat(EmbeddedDatabase.dataDirectory("jdbc:h2:mem:debrief-test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(EmbeddedDatabase.dataDirectory("jdbc:postgresql://db:5432/debrief")).isEmpty();
        assertThat(EmbeddedDatabase.dataDirectory(null)).isEmpty();
    }

    @Test
    void theCheckRefusesAMissingOrShortKeyAndAcceptsAStrongOne() {
        assertThat(SessionKeyCheck.problemWith(Optional.empty())).get().asString()
                .contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is not set");
        assertThat(SessionKeyCheck.problemWith(Optional.of("x".repeat(31)))).get().asString()
                .contains("too short (31 characters)");
        assertThat(SessionKeyCheck.problemWith(Optional.of("x".repeat(32)))).isEmpty();
    }
}
