package dev.debrief.admin;

import dev.debrief.common.ConflictException;
import dev.debrief.common.EmbeddedDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Online backups of the embedded H2 database: H2's {@code BACKUP TO} writes a consistent zip of the database
 * while Debrief keeps serving, into {@code backups/} beside the database ({@code ./data/backups/} by default).
 * docs/operations.md tells how to restore one.
 */
@ApplicationScoped
public class Backups {

    private static final Logger LOG = Logger.getLogger(Backups.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** One backup file. */
    public record Backup(String file, long sizeBytes, Instant createdAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    Optional<String> jdbcUrl;

    /** Whether this instance can take online backups: only the embedded H2 file database can. */
    public boolean available() {
        return EmbeddedDatabase.dataDirectory(jdbcUrl.orElse(null)).isPresent();
    }

    /** Writes a new backup and describes it. */
    public Backup create() {
        Path dir = directory();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the backup directory " + dir, e);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Path file = dir.resolve("debrief-" + NAME.format(now) + ".zip");
        for (int n = 2; Files.exists(file); n++) {
            file = dir.resolve("debrief-" + NAME.format(now) + "-" + n + ".zip");
        }
        String target = file.toString().replace("'", "''");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("BACKUP TO '" + target + "'").executeUpdate());
        Backup backup = describe(file);
        LOG.infof("Backup written: %s (%d bytes)", file, backup.sizeBytes());
        return backup;
    }

    /** The backups in the backup directory, newest first. */
    public List<Backup> list() {
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("debrief-.*\\.zip"))
                    .map(Backups::describe)
                    .sorted(Comparator.comparing(Backup::createdAt).thenComparing(Backup::file).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the backup directory " + dir, e);
        }
    }

    private Path directory() {
        return EmbeddedDatabase.dataDirectory(jdbcUrl.orElse(null))
                .map(dir -> dir.resolve("backups"))
                .orElseThrow(() -> new ConflictException("Online backups are for the embedded H2 database; this "
                        + "instance runs on an external database. Back it up with the database's own tools "
                        + "(for PostgreSQL, pg_dump), or export the whole instance with GET /api/admin/export."));
    }

    private static Backup describe(Path file) {
        try {
            return new Backup(file.getFileName().toString(), Files.size(file),
                    Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }
}
