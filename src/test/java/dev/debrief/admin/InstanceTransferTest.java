package dev.debrief.admin;

import static dev.debrief.support.Api.asAdmin;
import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.debrief.demo.DemoYear;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A whole instance exported and imported into an empty one: every row, every id, the same document again. */
@QuarkusTest
class InstanceTransferTest {

    @Inject
    TestData data;

    @Inject
    DemoYear demo;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    SessionFactory sessions;

    @Inject
    InstanceTransfer transfer;

    @Inject
    TransferProgress progress;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void anExportImportedIntoAnEmptyInstanceExportsIdenticallyAndReportsTheSame() {
        demo.load();
        long mine = Scenarios.create(PostMortemJson.complete().with("title", "Written after the demo"));
        data.sql("insert into import_batch (id, archive, started_at, started_by) values (7, 'history.zip',"
                + " timestamp with time zone '2026-11-02 09:00:00+00', 'admin')");
        data.sql("insert into import_batch_file (batch_id, position, file, outcome, postmortem_id) values"
                + " (7, 0, 'history/checkout.md', 'CREATED', " + mine + ")");
        String report = asViewer().get("/api/reports/monthly").asString();
        String board = asViewer().get("/api/board").asString();
        byte[] exported = asAdmin().get("/api/admin/export").then().statusCode(200)
                .contentType("application/json").extract().asByteArray();

        emptyTheInstance();
        asAdmin().queryParam("q", "written after").get("/api/postmortems").then().body("total", equalTo(0));
        JsonPath imported = asAdmin().contentType("application/json").body(exported).post("/api/admin/import")
                .then().statusCode(200).extract().jsonPath();
        asAdmin().queryParam("q", "written after").get("/api/postmortems").then()
                .body("items.id", contains((int) mine));

        assertThat(imported.getInt("rows.postmortem")).isGreaterThan(90);
        assertThat(asAdmin().get("/api/admin/export").asByteArray()).isEqualTo(exported);
        assertThat(asViewer().get("/api/reports/monthly").asString()).isEqualTo(report);
        assertThat(asViewer().get("/api/board").asString()).isEqualTo(board);
        asViewer().get("/api/postmortems/" + mine).then().statusCode(200);
        asAdmin().get("/api/imports/7").then().statusCode(200).body("archive", equalTo("history.zip"))
                .body("created", contains((int) mine));
        long next = Scenarios.create(PostMortemJson.complete().with("title", "Written after the import"));
        assertThat(next).as("new ids continue after the imported ones").isGreaterThan(mine);
        asAdmin().delete("/api/demo").then().statusCode(204);
    }

    @Test
    void anExportIsOneSnapshotThoughSomeoneWritesWhileItRuns() throws Exception {
        long before = Scenarios.create(PostMortemJson.complete().with("whatHappened", "A long account. ".repeat(2_000)));
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        List<Long> meanwhile = new ArrayList<>();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                written.write(b, off, len);
                // The post-mortems are read and being written; their services are still to be read.
                if (meanwhile.isEmpty() && written.toString(StandardCharsets.UTF_8).contains("\"postmortem\":[")) {
                    meanwhile.add(Scenarios.create(PostMortemJson.complete().with("title", "Written meanwhile")));
                }
            }
        };

        transfer.export(out);

        assertThat(meanwhile).as("a post-mortem was written while the export ran").hasSize(1);
        JsonNode tables = json.readTree(written.toByteArray()).get("tables");
        List<Long> postmortems = new ArrayList<>();
        tables.get("postmortem").forEach(row -> postmortems.add(row.get("id").asLong()));
        List<Long> parents = new ArrayList<>();
        tables.get("postmortem_service").forEach(row -> parents.add(row.get("postmortem_id").asLong()));
        assertThat(postmortems).contains(before).doesNotContain(meanwhile.get(0));
        assertThat(parents).contains(before).doesNotContain(meanwhile.get(0));
    }

    @Test
    void whatTheEmptyInstanceMadeBeforeTheImportGivesWayToTheDocument() {
        demo.load();
        byte[] exported = asAdmin().get("/api/admin/export").asByteArray();
        emptyTheInstance();
        // The new instance tried the demo and removed it, sent a weekly digest, and its admin made a token and a
        // webhook: none of it is a post-mortem, a review or a user, so the instance is still empty.
        data.sql("insert into demo_year (id, loaded_at, removed_at) values (1, timestamp with time zone"
                + " '2026-11-30 08:00:00+00', timestamp with time zone '2026-11-30 08:05:00+00')");
        data.sql("insert into sent_reminder (reminder_key, claimed_at, sent_at) values ('digest:2026-W49:webhook',"
                + " timestamp with time zone '2026-11-30 09:00:00+00', timestamp with time zone '2026-11-30 09:00:01+00')");
        asAdmin().body(Map.of("name", "new-instance", "scope", "read")).post("/api/tokens").then().statusCode(201);
        asAdmin().body(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("postmortem.published"),
                "secret", "a-secret-of-the-receiver")).post("/api/webhooks").then().statusCode(201);

        asAdmin().contentType("application/json").body(exported).post("/api/admin/import").then().statusCode(200);

        assertThat(asAdmin().get("/api/admin/export").asByteArray()).isEqualTo(exported);
        asAdmin().delete("/api/demo").then().statusCode(204);
    }

    @Test
    void anExportStoppedByAnErrorIsRecordedAsFailedNotLeftRunning() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("the stream broke as an Error, not an exception");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                write(0);
            }
        };

        assertThatThrownBy(() -> transfer.export(broken)).isInstanceOf(AssertionError.class);

        assertThat(progress.latest().isRunning()).isFalse();
        assertThat(progress.latest().isFailed()).isTrue();
    }

    /**
     * This instance has reserved the next audit ids in memory (Hibernate takes them from the sequence 50 at a time);
     * the imported trail holds them. The next audited change must not collide with an imported event.
     */
    @Test
    void writesAfterAnImportDoNotCollideWithIdsReservedBeforeIt() throws Exception {
        Scenarios.create(PostMortemJson.complete());
        long lastUsed = lastAuditId();
        ObjectNode exported = (ObjectNode) json.readTree(asAdmin().get("/api/admin/export").asByteArray());
        ObjectNode tables = (ObjectNode) exported.get("tables");
        JsonNode event = tables.get("audit_event").get(0);
        ArrayNode trail = tables.putArray("audit_event");
        for (long id = lastUsed + 1; id <= lastUsed + 60; id++) {
            trail.add(((ObjectNode) event.deepCopy()).put("id", id));
        }
        tables.putArray("audit_change");
        emptyTheInstance();
        asAdmin().contentType("application/json").body(json.writeValueAsBytes(exported)).post("/api/admin/import")
                .then().statusCode(200);

        asEditor().body(PostMortemJson.complete().build()).post("/api/postmortems").then().statusCode(201);
        asAdmin().get("/api/audit").then().statusCode(200);
    }

    /**
     * The imported trail's ids lie below those this instance gave before the import, some of them still reserved in
     * memory: restarting the sequence at the imported ids would hand those out again.
     */
    @Test
    void theSequencesNeverGoBackBelowIdsTheyGaveBeforeAnImport() throws Exception {
        while (lastAuditId() < 200) {
            Scenarios.create(PostMortemJson.complete());
        }
        // Hibernate holds the block of 50 ids below the sequence's next value; some of it must be left unused.
        long sequenceNext = nextAuditSequenceValue();
        while (lastAuditId() > sequenceNext - 3) {
            Scenarios.create(PostMortemJson.complete());
            sequenceNext = nextAuditSequenceValue();
        }
        ObjectNode exported = (ObjectNode) json.readTree(asAdmin().get("/api/admin/export").asByteArray());
        ObjectNode tables = (ObjectNode) exported.get("tables");
        JsonNode event = tables.get("audit_event").get(0);
        // Restarted past these alone, the sequence would give ids from sequenceNext - 30 on: some used by then.
        tables.putArray("audit_event").add(((ObjectNode) event.deepCopy()).put("id", sequenceNext - 130));
        tables.putArray("audit_change");
        emptyTheInstance();
        asAdmin().contentType("application/json").body(json.writeValueAsBytes(exported)).post("/api/admin/import")
                .then().statusCode(200);

        for (int i = 0; i < 100; i++) {
            asEditor().body(PostMortemJson.complete().build()).post("/api/postmortems").then().statusCode(201);
        }
    }

    private long nextAuditSequenceValue() {
        String next = sessions.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect()
                .getSequenceSupport().getSequenceNextValString("audit_event_seq");
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(next).getSingleResult())
                .longValue());
    }

    private long lastAuditId() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select coalesce(max(id), 0) from audit_event").getSingleResult()).longValue());
    }

    /**
     * A post-mortem read before the import is kept with the versions of its rows; the imported one has the same id and
     * the same versions but another text, which must show.
     */
    @Test
    void aPostMortemReadBeforeAnImportShowsAsImported() throws Exception {
        long id = Scenarios.create(PostMortemJson.minimal().with("title", "Before the import"));
        ObjectNode exported = (ObjectNode) json.readTree(asAdmin().get("/api/admin/export").asByteArray());
        ((ObjectNode) exported.get("tables").get("postmortem").get(0)).put("title", "As imported");
        asAdmin().get("/api/postmortems/{id}", id).then().body("title", equalTo("Before the import"));
        asAdmin().delete("/api/postmortems/{id}", id).then().statusCode(204);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from app_user where username <> 'admin'").executeUpdate());

        asAdmin().contentType("application/json").body(json.writeValueAsBytes(exported)).post("/api/admin/import")
                .then().statusCode(200);

        asAdmin().get("/api/postmortems/{id}", id).then().statusCode(200).body("title", equalTo("As imported"));
    }

    @Test
    void importingIntoAnInstanceThatHoldsAPostMortemIsAConflict() {
        Scenarios.create(PostMortemJson.complete());
        byte[] exported = asAdmin().get("/api/admin/export").asByteArray();

        asAdmin().contentType("application/json").body(exported).post("/api/admin/import")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aFailedImportLeavesTheInstanceAsItWas() {
        long pm = Scenarios.create(PostMortemJson.complete());
        Scenarios.addItem(pm, PostMortemJson.item(1));
        String exported = asAdmin().get("/api/admin/export").asString();
        emptyTheInstance();
        // The item's post-mortem is missing from the document: the database refuses the item.
        String broken = exported.replaceFirst("\"postmortem\":\\[\\{.*?}]", "\"postmortem\":[]");
        assertThat(broken).isNotEqualTo(exported);

        asAdmin().contentType("application/json").body(broken).post("/api/admin/import")
                .then().statusCode(422).contentType("application/problem+json");

        assertThat(asAdmin().get("/api/postmortems").jsonPath().getInt("total")).isZero();
        asAdmin().get("/api/users").then().statusCode(200);
    }

    @Test
    void rowsTheDatabaseRefusesAreNotQuotedInTheLog() throws Exception {
        asAdmin().body(Map.of("url", "http://127.0.0.1:9/hook", "events", List.of("postmortem.published"),
                "secret", "a-secret-nobody-may-log")).post("/api/webhooks").then().statusCode(201);
        ObjectNode exported = (ObjectNode) json.readTree(asAdmin().get("/api/admin/export").asByteArray());
        ArrayNode webhooks = (ArrayNode) exported.get("tables").get("webhook");
        webhooks.add(webhooks.get(0).deepCopy());
        emptyTheInstance();
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger transfers = java.util.logging.Logger.getLogger(InstanceTransfer.class.getName());
        transfers.addHandler(handler);
        try {
            asAdmin().contentType("application/json").body(json.writeValueAsBytes(exported))
                    .post("/api/admin/import").then().statusCode(422);
        } finally {
            transfers.removeHandler(handler);
        }

        assertThat(logged).anySatisfy(line -> assertThat(line).contains("webhook").contains("SQL state"));
        assertThat(logged).noneSatisfy(line -> assertThat(line).contains("a-secret-nobody-may-log"));
    }

    @Test
    void aDocumentThatIsNotAnExportIsRefusedNamingTheField() {
        String schema = asAdmin().get("/api/admin/export").then().statusCode(200).extract().path("schema");
        emptyTheInstance();
        asAdmin().body(document("something-else", schema, "{}"))
                .post("/api/admin/import").then().statusCode(400).body("errors.field", contains("format"));
        asAdmin().body(document("debrief-instance", schema, "{\"postmortem\": [{\"nope\": 1}]}"))
                .post("/api/admin/import").then().statusCode(400)
                .body("errors.field", contains("tables.postmortem[0].nope"));
    }

    @Test
    void aDocumentWithoutAnAdminIsRefusedAndTheInstanceKeepsItsOwn() {
        String schema = asAdmin().get("/api/admin/export").then().statusCode(200).extract().path("schema");
        emptyTheInstance();

        asAdmin().body(document("debrief-instance", schema, "{}"))
                .post("/api/admin/import").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("tables.app_user"));

        asAdmin().get("/api/users").then().statusCode(200).body("username", hasItem("admin"));
        asAdmin().get("/api/factors").then().statusCode(200).body("", hasSize(8));
    }

    @Test
    void everyTableOfTheSchemaIsExportedOrSaysWhyNot() {
        List<?> tables = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select lower(table_name) from information_schema.tables where lower(table_schema) ="
                        + " lower(current_schema) and table_type = 'BASE TABLE'", String.class).getResultList());
        List<String> inSchema = tables.stream().map(String.class::cast).toList();
        List<String> accounted = new ArrayList<>(InstanceTables.NOT_EXPORTED.keySet());
        InstanceTables.TABLES.forEach(table -> accounted.add(table.name()));

        assertThat(inSchema).containsExactlyInAnyOrderElementsOf(accounted);
    }

    @Test
    void onlyAnAdminMayExportOrImport() {
        asEditor().get("/api/admin/export").then().statusCode(403);
        asEditor().body("{}").post("/api/admin/import").then().statusCode(403);
    }

    /** An export document of version 1 in {@code format}, of {@code schema}, holding {@code tables}. */
    private static String document(String format, String schema, String tables) {
        return "{\"format\": \"" + format + "\", \"version\": 1, \"schema\": \"" + schema + "\", \"tables\": "
                + tables + "}";
    }

    private void emptyTheInstance() {
        data.reset();
        data.sql("delete from app_user where username <> 'admin'");
    }
}
