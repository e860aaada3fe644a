package dev.debrief.common;

import java.nio.file.Path;
import java.util.Optional;

/** Where the embedded H2 file database keeps its files, the directory that Debrief's other files go beside. */
public final class EmbeddedDatabase {

    private static final String FILE_URL = "jdbc:h2:file:";

    private EmbeddedDatabase() {
    }

    /**
     * The directory of an H2 file database ({@code jdbc:h2:file:./data/debrief;...} gives {@code ./data}, made
     * absolute); empty for any other database.
     */
    public static Optional<Path> dataDirectory(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(FILE_URL)) {
            return Optional.empty();
        }
        String file = jdbcUrl.substring(FILE_URL.length()).split(";", 2)[0];
        if (file.startsWith("~")) {
            file = System.getProperty("user.home") + file.substring(1);
        }
        return Optional.ofNullable(Path.of(file).toAbsolutePath().normalize().getParent());
    }
}
