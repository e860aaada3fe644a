package dev.debrief.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.common.ConflictException;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.UnprocessableException;
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
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * A whole instance as one JSON document: every row of every table Debrief keeps (users with their password
 * hashes only), with its ids, so that an export imported into an empty instance, on H2 or PostgreSQL, reads
 * and links exactly as before. Rows and columns come in a fixed order and times as UTC instants, so the same
 * data gives the same document on either database.
 */
@ApplicationScoped
public class InstanceTransfer {

    private static final Logger LOG = Logger.getLogger(InstanceTransfer.class);
    static final String FORMAT = "debrief-instance";
    static final int VERSION = 1;

    /** A table in the order rows can be inserted (parents first), with the columns that identify a row. */
    private record Table(String name, List<String> key) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("app_user", List.of("username")),
            new Table("postmortem", List.of("id")),
            new Table("postmortem_service", List.of("postmortem_id", "position")),
            new Table("attendee", List.of("postmortem_id", "position")),
            new Table("timeline_entry", List.of("postmortem_id", "position")),
            new Table("considered_idea", List.of("postmortem_id", "position")),
            new Table("action_item", List.of("id")),
            new Table("review", List.of("id")),
            new Table("review_attendee", List.of("review_id", "position")),
            new Table("review_not_discussed", List.of("review_id", "action_item_id")),
            new Table("review_decision", List.of("id")),
            new Table("sent_reminder", List.of("reminder_key")),
            new Table("demo_year", List.of("id")),
            new Table("demo_record", List.of("kind", "record_id")));

    /** Sequences and the tables whose ids they give, moved past the imported ids after an import. */
    private static final Map<String, String> SEQUENCES = Map.of("postmortem_seq", "postmortem",
            "action_item_seq", "action_item", "review_seq", "review", "review_decision_seq", "review_decision");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    CredentialCache credentials;

    @Inject
    TransferProgress progress;

    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "debrief-import");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stopBackground() {
        background.shutdownNow();
    }

    /** What an import stored, table by table. */
    public record Imported(Map<String, Integer> rows) {
    }

    /** Writes the whole instance to {@code out}. */
    public void export(OutputStream out) {
        boolean recorded = progress.start("export", TABLES.size(), 0);
        try {
            writeExport(out, recorded);
        } catch (RuntimeException e) {
            if (recorded) {
                progress.fail(describe(e));
            }
            throw e;
        }
    }

    private void writeExport(OutputStream out, boolean recorded) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(connection -> {
            try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
                generator.writeStartObject();
                generator.writeStringField("format", FORMAT);
                generator.writeNumberField("version", VERSION);
                generator.writeStringField("schema", schemaVersion(connection));
                generator.writeObjectFieldStart("tables");
                for (Table table : TABLES) {
                    List<Map<String, Object>> rows = rows(connection, table);
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
        }));
        if (recorded) {
            progress.finish(counts);
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
        if (!progress.start("import", TABLES.size(), rows)) {
            throw new ConflictException("An export or import is running; wait until it has finished.");
        }
    }

    private Imported load(JsonNode document) {
        try {
            Imported imported = loadRows(document);
            progress.finish(imported.rows());
            return imported;
        } catch (RuntimeException e) {
            progress.fail(describe(e));
            throw e;
        }
    }

    private static String describe(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof dev.debrief.common.DebriefException refusal) {
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
            String schema = schemaVersion(connection);
            if (!schema.equals(document.get("schema").asText())) {
                throw new UnprocessableException("The export was made with schema version "
                        + document.get("schema").asText() + "; this instance has schema version " + schema
                        + ". Import it into a Debrief of the same release.", List.of());
            }
            try (PreparedStatement clear = connection.prepareStatement("delete from app_user")) {
                clear.executeUpdate();
            }
            for (Table table : TABLES) {
                JsonNode rows = tables.get(table.name());
                int stored = rows == null ? 0 : insert(connection, table, rows, done, counts.size());
                counts.put(table.name(), stored);
                progress.advance(table.name(), counts.size(), done[0]);
                LOG.infof("Import: %s, %d rows", table.name(), stored);
            }
        }));
        credentials.clear();
        // Outside the import's transaction: on H2 a sequence change commits whatever is open.
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(connection -> {
            for (Map.Entry<String, String> sequence : SEQUENCES.entrySet()) {
                long next = queryLong(connection, "select coalesce(max(id), 0) from " + sequence.getValue()) + 100;
                try (PreparedStatement restart = connection.prepareStatement(
                        "alter sequence " + sequence.getKey() + " restart with " + next)) {
                    restart.executeUpdate();
                }
            }
        }));
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
            if (TABLES.stream().noneMatch(t -> t.name().equals(name))) {
                throw InvalidFieldsException.of("tables." + name, "is not a table Debrief exports");
            }
            if (!tables.get(name).isArray()) {
                throw InvalidFieldsException.of("tables." + name, "must be a list of rows");
            }
        }
    }

    private void requireEmpty(Connection connection) throws SQLException {
        long postmortems = queryLong(connection, "select count(*) from postmortem");
        long reviews = queryLong(connection, "select count(*) from review");
        long others = queryLong(connection, "select count(*) from app_user where username <> 'admin'");
        if (postmortems + reviews + others > 0) {
            throw new ConflictException("This instance is not empty (" + postmortems + " post-mortems, " + reviews
                    + " reviews, " + others + " users besides admin). Import into a freshly started instance.");
        }
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                // Flyway made this table with quoted lower-case names, which H2 keeps as they are.
                "select \"version\" from \"flyway_schema_history\" where \"success\" = true"
                        + " and \"version\" is not null");
                ResultSet rs = query.executeQuery()) {
            int highest = 0;
            while (rs.next()) {
                highest = Math.max(highest, Integer.parseInt(rs.getString(1)));
            }
            return String.valueOf(highest);
        }
    }

    private static long queryLong(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Map<String, Object>> rows(Connection connection, Table table) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select * from " + table.name());
                ResultSet rs = query.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new TreeMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value(rs, meta, i));
                }
                rows.add(row);
            }
        }
        // Sorted here rather than by the database, whose text collation differs between H2 and PostgreSQL.
        Comparator<Map<String, Object>> order = null;
        for (String column : table.key()) {
            Comparator<Map<String, Object>> next = (a, b) -> compare(a.get(column), b.get(column));
            order = order == null ? next : order.thenComparing(next);
        }
        rows.sort(order);
        return rows;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    private static Object value(ResultSet rs, ResultSetMetaData meta, int column) throws SQLException {
        if (isTimestamp(meta, column)) {
            OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
            return time == null ? null : time.toInstant().toString();
        }
        int type = meta.getColumnType(column);
        if (type == Types.DATE) {
            LocalDate date = rs.getObject(column, LocalDate.class);
            return date == null ? null : date.toString();
        }
        if (type == Types.BIGINT || type == Types.INTEGER || type == Types.SMALLINT) {
            long number = rs.getLong(column);
            return rs.wasNull() ? null : number;
        }
        if (type == Types.BOOLEAN || type == Types.BIT) {
            boolean flag = rs.getBoolean(column);
            return rs.wasNull() ? null : flag;
        }
        return rs.getString(column);
    }

    private static boolean isTimestamp(ResultSetMetaData meta, int column) throws SQLException {
        String name = meta.getColumnTypeName(column).toLowerCase(Locale.ROOT);
        return name.equals("timestamptz") || name.contains("time zone");
    }

    private int insert(Connection connection, Table table, JsonNode rows, long[] done, int tablesDone)
            throws SQLException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<String, Boolean> timestamps = new LinkedHashMap<>();
        try (PreparedStatement probe = connection.prepareStatement("select * from " + table.name() + " where 1 = 0");
                ResultSet rs = probe.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String name = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                columns.put(name, meta.getColumnType(i));
                timestamps.put(name, isTimestamp(meta, i));
            }
        }
        List<String> names = new ArrayList<>(columns.keySet());
        String sql = "insert into " + table.name() + " (" + String.join(", ", names) + ") values ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
        int count = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (JsonNode row : rows) {
                String at = "tables." + table.name() + "[" + count + "]";
                if (!row.isObject()) {
                    throw InvalidFieldsException.of(at, "must be an object of column values");
                }
                for (Iterator<String> given = row.fieldNames(); given.hasNext();) {
                    String column = given.next();
                    if (!columns.containsKey(column)) {
                        throw InvalidFieldsException.of(at + "." + column, "is not a column of " + table.name());
                    }
                }
                for (int i = 0; i < names.size(); i++) {
                    String column = names.get(i);
                    insert.setObject(i + 1, parameter(row.get(column), columns.get(column), timestamps.get(column),
                            at + "." + column));
                }
                insert.addBatch();
                count++;
                if (count % 500 == 0) {
                    execute(insert, table);
                    done[0] += 500;
                    progress.advance(table.name(), tablesDone, done[0]);
                }
            }
            execute(insert, table);
            done[0] += count % 500;
        }
        return count;
    }

    private static void execute(PreparedStatement batch, Table table) {
        try {
            batch.executeBatch();
        } catch (SQLException e) {
            LOG.infof("Import refused by the database in %s: %s", table.name(), e.getMessage());
            throw new UnprocessableException("The rows of " + table.name() + " break a rule of the schema (a "
                    + "duplicate id, a missing parent row, or a value a constraint refuses); nothing was imported.",
                    List.of());
        }
    }

    private static Object parameter(JsonNode value, int type, boolean timestamp, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            if (timestamp) {
                return Instant.parse(value.asText()).atOffset(ZoneOffset.UTC);
            }
            return switch (type) {
                case Types.DATE -> LocalDate.parse(value.asText());
                case Types.BIGINT -> requireNumber(value, field).longValue();
                case Types.INTEGER, Types.SMALLINT -> requireNumber(value, field).intValue();
                case Types.BOOLEAN, Types.BIT -> value.asBoolean();
                default -> value.isTextual() ? value.asText() : value.toString();
            };
        } catch (DateTimeParseException e) {
            throw InvalidFieldsException.of(field, "must be an ISO-8601 " + (timestamp ? "instant" : "date"));
        }
    }

    private static Number requireNumber(JsonNode value, String field) {
        if (!value.isIntegralNumber()) {
            throw InvalidFieldsException.of(field, "must be a whole number");
        }
        return value.numberValue();
    }
}
