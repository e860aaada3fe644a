package dev.debrief.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The embedded database's default URL carries the settings operations.md tells operators to keep. */
class StorageDefaultsTest {

    private static String defaultUrl() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = StorageDefaultsTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.getProperty("quarkus.datasource.jdbc.url");
    }

    @Test
    void commitsReachTheFileBeforeTheyAreAcknowledged() throws IOException {
        assertThat(defaultUrl()).startsWith("jdbc:h2:file:./data/debrief;").contains(";WRITE_DELAY=0");
    }

    @Test
    void parsedStatementsAreKeptForMoreThanOneReadOfAPostMortem() throws IOException {
        assertThat(defaultUrl()).contains(";QUERY_CACHE_SIZE=64");
    }
}
