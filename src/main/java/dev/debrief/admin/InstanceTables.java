package dev.debrief.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.UnprocessableException;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * The table copy under an export and an import, over JDBC: which tables, in which order, and how their rows become
 * JSON values and back, the same on H2 and PostgreSQL (times as UTC instants, rows sorted by their key).
 */
final class InstanceTables {

    // The transfer logs under one category, whichever part of it speaks.
    private static final Logger LOG = Logger.getLogger(InstanceTransfer.class);
    private static final int BATCH = 500;

    /** A table in the order rows can be inserted (parents first), with the columns that identify a row. */
    record Table(String name, List<String> key) {
    }

    static final List<Table> TABLES = List.of(
            new Table("app_user", List.of("username")),
            new Table("api_token", List.of("id")),
            new Table("team", List.of("id")),
            new Table("factor", List.of("id")),
            new Table("postmortem", List.of("id")),
            new Table("postmortem_service", List.of("postmortem_id", "position")),
            new Table("postmortem_tag", List.of("postmortem_id", "position")),
            new Table("postmortem_factor", List.of("postmortem_id", "position")),
            new Table("postmortem_link", List.of("id")),
            new Table("attendee", List.of("postmortem_id", "position")),
            new Table("timeline_entry", List.of("postmortem_id", "position")),
            new Table("considered_idea", List.of("postmortem_id", "position")),
            new Table("imported_source", List.of("postmortem_id")),
            new Table("import_batch", List.of("id")),
            new Table("import_batch_file", List.of("batch_id", "position")),
            new Table("action_item", List.of("id")),
            new Table("tracker_ticket", List.of("id")),
            new Table("tracker_history", List.of("id")),
            new Table("tracker_close", List.of("id")),
            new Table("review", List.of("id")),
            new Table("review_attendee", List.of("review_id", "position")),
            new Table("review_not_discussed", List.of("review_id", "action_item_id")),
            new Table("review_decision", List.of("id")),
            new Table("sent_reminder", List.of("reminder_key")),
            new Table("demo_year", List.of("id")),
            new Table("demo_record", List.of("kind", "record_id")),
            new Table("audit_event", List.of("id")),
            new Table("audit_change", List.of("event_id", "position")),
            new Table("webhook", List.of("id")),
            new Table("webhook_event", List.of("webhook_id", "event")),
            new Table("webhook_delivery", List.of("id")),
            new Table("webhook_attempt", List.of("delivery_id", "position")));

    /** The tables an export leaves out, and why: each instance makes its own. */
    static final Map<String, String> NOT_EXPORTED = Map.of(
            "flyway_schema_history", "the migrations applied, which Flyway writes as it migrates the new instance",
            "tracker_lease", "which running instance polls the issue trackers now (V17 seeds it)",
            "ended_session", "page sessions ended by signing out, which time out within hours (V23)");

    /**
     * Columns the database computes from others (PostgreSQL's search vector, V21): neither exported nor imported,
     * so an export moves between H2 and PostgreSQL.
     */
    private static final Set<String> COMPUTED = Set.of("search_vector");

    /** Sequences and the tables whose ids they give, moved past the imported ids after an import. */
    private static final Map<String, String> SEQUENCES = Map.ofEntries(Map.entry("webhook_seq", "webhook"),
            Map.entry("webhook_delivery_seq", "webhook_delivery"), Map.entry("postmortem_seq", "postmortem"),
            Map.entry("action_item_seq", "action_item"), Map.entry("review_seq", "review"),
            Map.entry("review_decision_seq", "review_decision"), Map.entry("audit_event_seq", "audit_event"),
            Map.entry("api_token_seq", "api_token"), Map.entry("team_seq", "team"),
            Map.entry("factor_seq", "factor"), Map.entry("postmortem_link_seq", "postmortem_link"),
            Map.entry("tracker_ticket_seq", "tracker_ticket"), Map.entry("tracker_history_seq", "tracker_history"),
            Map.entry("tracker_close_seq", "tracker_close"), Map.entry("import_batch_seq", "import_batch"));

    private InstanceTables() {
    }

    /**
     * Moves each sequence past the highest id of its table, so new rows do not collide with imported ones, and never
     * back: the ids it gave before (which this instance may hold in memory, unused yet) stay behind it.
     * {@code nextValue} is the database's statement for a sequence's next value.
     */
    static void restartSequences(Connection connection, UnaryOperator<String> nextValue) throws SQLException {
        for (Map.Entry<String, String> sequence : SEQUENCES.entrySet()) {
            long next = Math.max(queryLong(connection, "select coalesce(max(id), 0) from " + sequence.getValue()) + 100,
                    queryLong(connection, nextValue.apply(sequence.getKey())));
            try (PreparedStatement restart = connection.prepareStatement(
                    "alter sequence " + sequence.getKey() + " restart with " + next)) {
                restart.executeUpdate();
            }
        }
    }

    static String schemaVersion(Connection connection) throws SQLException {
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

    static long queryLong(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<Map<String, Object>> rows(Connection connection, Table table) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select * from " + table.name());
                ResultSet rs = query.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new TreeMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String name = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                    if (!COMPUTED.contains(name)) {
                        row.put(name, value(rs, meta, i));
                    }
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

    /**
     * Inserts {@code rows} into {@code table}, checking each against the table's columns, in batches of
     * {@value #BATCH}; {@code stored} hears how many rows of the table are in after each full batch.
     */
    static int insert(Connection connection, Table table, JsonNode rows, IntConsumer stored) throws SQLException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<String, Boolean> timestamps = new LinkedHashMap<>();
        try (PreparedStatement probe = connection.prepareStatement("select * from " + table.name() + " where 1 = 0");
                ResultSet rs = probe.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String name = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                if (!COMPUTED.contains(name)) {
                    columns.put(name, meta.getColumnType(i));
                    timestamps.put(name, isTimestamp(meta, i));
                }
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
                if (count % BATCH == 0) {
                    execute(insert, table);
                    stored.accept(count);
                }
            }
            execute(insert, table);
        }
        return count;
    }

    private static void execute(PreparedStatement batch, Table table) {
        try {
            batch.executeBatch();
        } catch (SQLException e) {
            // Only the SQL state: the driver's message may quote the rows, with password hashes and webhook secrets.
            LOG.infof("Import refused by the database in %s: SQL state %s", table.name(), sqlState(e));
            throw new UnprocessableException("The rows of " + table.name() + " break a rule of the schema (a "
                    + "duplicate id, a missing parent row, or a value a constraint refuses); nothing was imported.",
                    List.of());
        }
    }

    private static String sqlState(SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            if (cause.getSQLState() != null) {
                return cause.getSQLState();
            }
        }
        return "unknown";
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
