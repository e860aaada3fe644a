package db.migration;

import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 14, search at 20,000 post-mortems: on PostgreSQL the stored vector of a post-mortem's words (V21) is kept
 * in the row, compressed if need be, rather than moved out to the TOAST table, where a search that ranked many
 * matches fetched it twice for each (docs/performance.md). Rows written before keep the old place until rewritten,
 * so they are rewritten here. Nothing to do on H2, which has no such vector.
 */
public class V22__search_vector_inline extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                .contains("postgres")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("alter table postmortem alter column search_vector set storage main");
            statement.execute("update postmortem set search_title = search_title");
        }
    }
}
