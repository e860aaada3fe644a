package db.migration;

import dev.debrief.postmortem.SearchText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 14, search that ranks: the words a search finds a post-mortem by, which the application writes on every
 * change ({@link SearchText}), written here for the post-mortems there are. In Java rather than SQL because the
 * words must be read exactly as the application reads them, and because PostgreSQL also gets what H2 has no
 * equivalent of: a stored {@code tsvector} of those words (the title weighted above the rest) under a GIN index.
 * On H2 a search reads the two text columns.
 */
public class V21__search_text extends BaseJavaMigration {

    /** The sections' columns in the order of {@code Section}, which the application reads them in. */
    private static final String SECTIONS = "summary, impact, what_happened, why_detection_failed, "
            + "why_response_failed, what_we_change";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        execute(connection, "alter table postmortem add column search_title varchar(" + SearchText.MAX_TITLE_LENGTH
                + ")");
        execute(connection, "alter table postmortem add column search_text varchar(" + SearchText.MAX_BODY_LENGTH
                + ")");
        backfill(connection);
        execute(connection, "alter table postmortem alter column search_title set not null");
        execute(connection, "alter table postmortem alter column search_text set not null");
        // A row written by SQL rather than by Debrief (a seed, a test's fixture) has no words until Debrief writes it.
        execute(connection, "alter table postmortem alter column search_title set default ' '");
        execute(connection, "alter table postmortem alter column search_text set default ' '");
        if (connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            execute(connection, "alter table postmortem add column search_vector tsvector generated always as "
                    + "(setweight(to_tsvector('simple', search_title), 'A') || to_tsvector('simple', search_text)) "
                    + "stored");
            execute(connection, "create index postmortem_search_ix on postmortem using gin (search_vector)");
        }
    }

    private static void backfill(Connection connection) throws SQLException {
        Map<Long, List<String>> items = new HashMap<>();
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("select postmortem_id, title from action_item"
                        + " order by postmortem_id, priority")) {
            while (rs.next()) {
                items.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        try (Statement query = connection.createStatement();
                ResultSet rs = query.executeQuery("select id, title, " + SECTIONS + " from postmortem");
                PreparedStatement update = connection.prepareStatement(
                        "update postmortem set search_title = ?, search_text = ? where id = ?")) {
            int pending = 0;
            while (rs.next()) {
                long id = rs.getLong(1);
                List<String> texts = new ArrayList<>(items.getOrDefault(id, List.of()));
                for (int column = 3; column <= 8; column++) {
                    texts.add(rs.getString(column));
                }
                update.setString(1, SearchText.of(Stream.of(rs.getString(2)), SearchText.MAX_TITLE_LENGTH));
                update.setString(2, SearchText.of(texts.stream(), SearchText.MAX_BODY_LENGTH));
                update.setLong(3, id);
                update.addBatch();
                if (++pending % 500 == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
