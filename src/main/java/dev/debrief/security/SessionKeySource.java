package dev.debrief.security;

import dev.debrief.common.EmbeddedDatabase;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * On the embedded H2 file database, supplies the key that encrypts page-session cookies when the operator has
 * not set one: generated once, kept beside the database in {@code session.key} (mode 0600) and reused at every
 * later start, so a restart keeps everyone signed in and the key never has to appear in the log. With any
 * other database nothing is supplied, and {@link SessionKeyCheck} refuses to start without an operator's key.
 * <p>
 * The file is read or written only when the key is first asked for, which happens at run time, never while
 * the application is being built.
 */
public class SessionKeySource implements ConfigSourceFactory {

    static final String KEY = "quarkus.http.auth.session.encryption-key";
    static final String FILE_NAME = "session.key";
    private static final int KEY_BYTES = 32;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue configured = context.getValue(KEY);
        if (configured != null && configured.getValue() != null) {
            return List.of();
        }
        ConfigValue url = context.getValue("quarkus.datasource.jdbc.url");
        return EmbeddedDatabase.dataDirectory(url == null ? null : url.getValue())
                .<Iterable<ConfigSource>>map(dir -> List.of(new KeyFileSource(dir.resolve(FILE_NAME))))
                .orElse(List.of());
    }

    /** Reads the key kept in {@code file}, or generates one and keeps it there first. */
    static String readOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (kept.length() >= SessionKeyCheck.MIN_LENGTH) {
                    return kept;
                }
            }
            byte[] random = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(random);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            // Written to a private temporary file and moved into place, so no reader ever sees half a key.
            Path temp = createPrivateFile(file.getParent());
            Files.writeString(temp, key + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the session key file " + file
                    + "; set QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY instead", e);
        }
    }

    private static Path createPrivateFile(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, FILE_NAME, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, FILE_NAME, ".tmp");
        }
    }

    private static final class KeyFileSource implements ConfigSource {

        private final Path file;
        private volatile String key;

        KeyFileSource(Path file) {
            this.file = file;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public String getValue(String propertyName) {
            if (!KEY.equals(propertyName)) {
                return null;
            }
            if (key == null) {
                synchronized (this) {
                    if (key == null) {
                        key = readOrCreate(file);
                    }
                }
            }
            return key;
        }

        @Override
        public String getName() {
            return "debrief session key file " + file;
        }

        @Override
        public int getOrdinal() {
            // Below application.properties (250): any key an operator sets, anywhere, wins.
            return 50;
        }
    }
}
