package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** V21 writes the words of the post-mortems there were, as the application writes them, then requires them. */
class V21SearchTextTest {

    @Test
    void existingPostMortemsGetTheWordsOfTheirTitleItemsAndSections() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:v21-backfill", "sa", "");
                Statement sql = connection.createStatement()) {
            sql.execute("create table postmortem (id bigint primary key, title varchar(200) not null, "
                    + "summary varchar(1000), impact varchar(1000), what_happened varchar(1000), "
                    + "why_detection_failed varchar(1000), why_response_failed varchar(1000), "
                    + "what_we_change varchar(1000))");
            sql.execute("create table action_item (id bigint primary key, postmortem_id bigint, priority int, "
                    + "title varchar(200))");
            sql.execute("insert into postmortem (id, title, summary, what_we_change) values "
                    + "(1, 'Disk 100% FULL', 'The db_primary filled.', 'Alert at 80%.'), (2, 'Quiet', null, null)");
            sql.execute("insert into action_item values (10, 1, 2, 'Add an alert'), (11, 1, 1, 'Grow the disk')");

            new V21__search_text().migrate(context(connection));

            try (ResultSet rs = sql.executeQuery("select search_title, search_text from postmortem order by id")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(" disk 100 full ");
                assertThat(rs.getString(2)).isEqualTo(" grow the disk add an alert the db primary filled alert at 80 ");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(" quiet ");
                assertThat(rs.getString(2)).isEqualTo(" ");
            }
            try (ResultSet rs = sql.executeQuery("select is_nullable from information_schema.columns"
                    + " where table_name = 'POSTMORTEM' and column_name = 'SEARCH_TEXT'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("NO");
            }
        }
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
