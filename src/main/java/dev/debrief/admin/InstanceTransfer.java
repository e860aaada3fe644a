package dev.debrief.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.common.ConflictException;
import dev.debrief.common.DebriefException;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.UnprocessableException;
import dev.debrief.common.Worker;
import dev.debrief.postmortem.SearchIndex;
import dev.debrief.postmortem.ShownViews;
import dev.debrief.security.CredentialCache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jboss.logging.Logger;

/**
 * A whole instance as one JSON document: every row of every table Debrief keeps (users with their password
 * hashes only), with its ids, so that an export imported into an empty instance, on H2 or PostgreSQL, reads
 * and links exactly as before. Rows and columns come in a fixed order and times as UTC instants, so the same
 * data gives the same document on either database. This class runs an export or import (the document's shape,
 * the empty-instance rule, transactions, progress); {@link InstanceTables} copies the rows.
 */
@ApplicationScoped
public class InstanceTransfer {

    private static final Logger LOG = Logger.getLogger(InstanceTransfer.class);
    static final String FORMAT = "debrief-instance";
    static final int VERSION = 1;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    CredentialCache credentials;

    @Inject
    TransferProgress progress;

    @Inject
    SearchIndex searchIndex;

    @Inject
    ShownViews shownViews;

    @Inject
    ReservedIds reservedIds;

    @Inject
    DataSource dataSource;

    private final ExecutorService background = Worker.single("debrief-import");

    @PreDestroy
    void stopBackground() {
        background.shutdownNow();
    }

    /** What an import stored, table by table. */
    public record Imported(Map<String, Integer> rows) {
    }

    /** Writes the whole instance to {@code out}. */
    public void export(OutputStream out) {
        boolean recorded = progress.start("export", InstanceTables.TABLES.size(), 0);
        try {
            writeExport(out, recorded);
        } catch (RuntimeException | Error e) {
            // An Error too, such as running out of memory: a transfer left "running" would refuse every later one.
            if (recorded) {
                progress.fail(describe(e));
            }
            throw e;
        }
    }

    private void writeExport(OutputStream out, boolean recorded) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        // One snapshot for the whole document: people go on writing while it is read, and a post-mortem committed
        // between the reads of its table and of its services would otherwise leave rows without their parent.
        try (Connection connection = dataSource.getConnection()) {
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                writeTables(connection, out, counts, recorded);
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the instance for its export", e);
        }
        if (recorded) {
            progress.finish(counts);
        }
    }

    private void writeTables(Connection connection, OutputStream out, Map<String, Integer> counts, boolean recorded)
            throws SQLException {
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("format", FORMAT);
            generator.writeNumberField("version", VERSION);
            generator.writeStringField("schema", InstanceTables.schemaVersion(connection));
            generator.writeObjectFieldStart("tables");
            for (InstanceTables.Table table : InstanceTables.TABLES) {
                List<Map<String, Object>> rows = InstanceTables.rows(connection, table);
                generator.writeArrayFieldStart(table.name());
                for (Map<String, Object> row : rows) {
                    generator.writeObject(row);
                }
                generator.writeEndArray();
                counts.put(table.name(), rows.size());
                LOG.infof("Export: %s, %d rows", table.name(), rows.size());
                if (recorded) {
                    progress.advance(table.name(), counts.size(),
                            counts.values().stream().mapToLong(Integer::longValue).sum());
                }
            }
            generator.writeEndObject();
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the export", e);
        }
    }

    /**
     * Loads an export into this instance, which must be empty (no post-mortem, no review, no user but the
     * bootstrap {@code admin}); all of it or, on any problem, nothing.
     */
    public Imported importAll(JsonNode document) {
        begin(document);
        return load(document);
    }

    /**
     * Checks the document and that this instance is empty, then imports it on a thread of its own; the admin page
     * follows it through {@link TransferProgress}.
     */
    public void importInBackground(JsonNode document) {
        begin(document);
        background.execute(() -> {
            try {
                load(document);
            } catch (RuntimeException e) {
                LOG.infof("Import from the admin page failed: %s", describe(e));
            }
        });
    }

    private void begin(JsonNode document) {
        requireShape(document);
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(this::requireEmpty));
        long rows = 0;
        for (JsonNode table : document.get("tables")) {
            rows += table.size();
        }
        if (!progress.start("import", InstanceTables.TABLES.size(), rows)) {
            throw new ConflictException("An export or import is running; wait until it has finished.");
        }
    }

    private Imported load(JsonNode document) {
        try {
            Imported imported = loadRows(document);
            progress.finish(imported.rows());
            return imported;
        } catch (RuntimeException | Error e) {
            progress.fail(describe(e));
            throw e;
        }
    }

    private static String describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DebriefException refusal) {
                return refusal.getMessage();
            }
        }
        LOG.error("Export or import failed", e);
        return "It failed on the server; the server log has the details.";
    }

    private Imported loadRows(JsonNode document) {
        JsonNode tables = document.get("tables");
        Map<String, Integer> counts = new LinkedHashMap<>();
        long[] done = {0};
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(connection -> {
            requireEmpty(connection);
            String schema = InstanceTables.schemaVersion(connection);
            if (!schema.equals(document.get("schema").asText())) {
                throw new UnprocessableException("The export was made with schema version "
                        + document.get("schema").asText() + "; this instance has schema version " + schema
                        + ". Import it into a Debrief of the same release.", List.of());
            }
            // What the empty instance made on its own gives way to the document, children first: its admin and the
            // admin's tokens, its trail (the admin's sign-ins), the factors the migration seeds, and what it may have
            // done before the import (a reminder sent, the demo loaded and removed, a webhook added).
            for (int i = InstanceTables.TABLES.size() - 1; i >= 0; i--) {
                try (PreparedStatement clear = connection.prepareStatement(
                        "delete from " + InstanceTables.TABLES.get(i).name())) {
                    clear.executeUpdate();
                }
            }
            for (InstanceTables.Table table : InstanceTables.TABLES) {
                JsonNode rows = tables.get(table.name());
                long before = done[0];
                int tablesDone = counts.size();
                int stored = rows == null ? 0 : InstanceTables.insert(connection, table, rows,
                        soFar -> progress.advance(table.name(), tablesDone, before + soFar));
                done[0] += stored;
                counts.put(table.name(), stored);
                progress.advance(table.name(), counts.size(), done[0]);
                LOG.infof("Import: %s, %d rows", table.name(), stored);
            }
            // The instance's own admin gave way to the document's users: without an admin among them, nobody could
            // manage the instance afterwards, so the import is refused whole.
            if (InstanceTables.queryLong(connection, "select count(*) from app_user where role = 'ADMIN'") == 0) {
                throw InvalidFieldsException.of("tables.app_user", "must hold at least one admin: the import "
                        + "replaces this instance's users, and without an admin nobody could manage it afterwards");
            }
        }));
        credentials.clear();
        searchIndex.forgetAll();
        shownViews.forgetAll();
        // Outside the import's transaction: on H2 a sequence change commits whatever is open.
        Dialect dialect = em.unwrap(Session.class).getSessionFactory().unwrap(SessionFactoryImplementor.class)
                .getJdbcServices().getDialect();
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(connection -> InstanceTables
                .restartSequences(connection, dialect.getSequenceSupport()::getSequenceNextValString)));
        QuarkusTransaction.requiringNew().run(reservedIds::skipPastStoredIds);
        return new Imported(counts);
    }

    private static void requireShape(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw InvalidFieldsException.of("body", "must be a JSON object exported by GET /api/admin/export");
        }
        if (!FORMAT.equals(document.path("format").asText())) {
            throw InvalidFieldsException.of("format", "must be \"" + FORMAT + "\": the body is not a Debrief export");
        }
        if (document.path("version").asInt() != VERSION) {
            throw InvalidFieldsException.of("version", "must be " + VERSION + ", the export format this release reads");
        }
        if (!document.path("schema").isTextual()) {
            throw InvalidFieldsException.of("schema", "must be the schema version the export was made with");
        }
        JsonNode tables = document.get("tables");
        if (tables == null || !tables.isObject()) {
            throw InvalidFieldsException.of("tables", "must be an object of tables, each a list of rows");
        }
        for (Iterator<String> names = tables.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (InstanceTables.TABLES.stream().noneMatch(t -> t.name().equals(name))) {
                throw InvalidFieldsException.of("tables." + name, "is not a table Debrief exports");
            }
            if (!tables.get(name).isArray()) {
                throw InvalidFieldsException.of("tables." + name, "must be a list of rows");
            }
        }
    }

    private void requireEmpty(Connection connection) throws SQLException {
        long postmortems = InstanceTables.queryLong(connection, "select count(*) from postmortem");
        long reviews = InstanceTables.queryLong(connection, "select count(*) from review");
        long others = InstanceTables.queryLong(connection, "select count(*) from app_user where username <> 'admin'");
        if (postmortems + reviews + others > 0) {
            throw new ConflictException("This instance is not empty (" + postmortems + " post-mortems, " + reviews
                    + " reviews, " + others + " users besides admin). Import into a freshly started instance.");
        }
    }
}
