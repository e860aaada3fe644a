package dev.debrief;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrading keeps what is stored: rows written under an older schema are migrated, not lost, and gain what the
 * newer schema derives from them. Runs on an H2 file, or on the PostgreSQL the tests are pointed at (in a
 * schema of its own), so each migration is checked on the database it will meet.
 */
class SchemaUpgradeTest {

    private static final String SCHEMA = "upgrade_check";

    @TempDir
    static Path files;

    private final Target db = Target.fromEnvironment();

    @AfterEach
    void dropSchema() {
        flyway(null).clean();
    }

    @Test
    void v7DerivesTimesToDetectAndResolveFromIncidentsStoredBeforeIt() throws SQLException {
        flyway("6").migrate();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("insert into postmortem (id, title, severity, started_at, detected_at, resolved_at, status,"
                    + " created_at, updated_at, version) values"
                    + " (1, 'both times', 'SEV2', " + at("2026-03-05 10:00:00") + ", "
                    + at("2026-03-05 10:15:30.000001") + ", " + at("2026-03-05 12:00:00.5") + ", 'DRAFT', " + at("2026-03-05 13:00:00") + ", "
                    + at("2026-03-05 13:00:00") + ", 0),"
                    + " (2, 'still open', 'SEV3', " + at("2026-03-06 10:00:00") + ", null, null, 'DRAFT', "
                    + at("2026-03-06 13:00:00") + ", " + at("2026-03-06 13:00:00") + ", 0)");
            s.execute("insert into action_item (id, postmortem_id, priority, title, kind, status, created_at,"
                    + " updated_at, version) values (1, 1, 1, 'an item', 'DETECTION', 'OPEN', "
                    + at("2026-03-05 13:00:00") + ", " + at("2026-03-05 13:00:00") + ", 0)");
        }

        flyway(null).migrate();

        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select id, title, time_to_detect_micros, time_to_resolve_micros"
                        + " from postmortem order by id")) {
            List<String> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(r.getLong(1) + " " + r.getString(2) + " " + r.getObject(3) + " " + r.getObject(4));
            }
            assertThat(rows).containsExactly(
                    "1 both times 930000001 7200500000",
                    "2 still open null null");
        }
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select title from action_item")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).as("rows of other tables are kept").isEqualTo("an item");
        }
    }

    private static String at(String utc) {
        return "timestamp with time zone '" + utc + "+00'";
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(db.url(), db.user(), db.password())
                .locations("classpath:db/migration").cleanDisabled(false);
        if (db.postgres()) {
            config.schemas(SCHEMA);
        }
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    /** The database to migrate: PostgreSQL when the tests run against it (as in CI), else an H2 file. */
    private record Target(String url, String user, String password, boolean postgres) {

        static Target fromEnvironment() {
            String url = System.getenv("_TEST_QUARKUS_DATASOURCE_JDBC_URL");
            if ("postgresql".equals(System.getenv("QUARKUS_DATASOURCE_DB_KIND")) && url != null) {
                return new Target(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                        System.getenv("QUARKUS_DATASOURCE_USERNAME"), System.getenv("QUARKUS_DATASOURCE_PASSWORD"),
                        true);
            }
            // A file, as the embedded default keeps it (an in-memory H2 closed by Flyway breaks its constraints).
            return new Target("jdbc:h2:file:" + files.resolve("upgrade-check"), "sa", "", false);
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }
}
