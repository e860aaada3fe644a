package dev.debrief.webhook;

import static dev.debrief.support.Api.asAdmin;
import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.debrief.postmortem.ActionItem;
import dev.debrief.postmortem.PostMortemService;
import dev.debrief.support.MutableClock;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed outbound webhooks against a local receiver, on the fixed test clock; the sender is run by hand. */
@QuarkusTest
class WebhookTest {

    private static final String SECRET = "a-secret-of-the-receiver";

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    WebhookSender sender;

    @Inject
    PostMortemService postMortems;

    @Inject
    DeliveryClaims claims;

    @Inject
    SessionFactory sessions;

    private Receiver receiver;

    @BeforeEach
    void start() throws IOException {
        data.reset();
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void publishingSendsOneSignedDelivery() throws Exception {
        long hook = subscribe(receiver.url(), "postmortem.published");
        Scenarios.Ranked pm = Scenarios.published();

        sender.run();

        assertThat(receiver.received()).hasSize(1);
        Receiver.Request request = receiver.received().get(0);
        assertThat(request.header("x-debrief-signature")).isEqualTo("sha256=" + hmac(SECRET, request.body()));
        assertThat(request.header("x-debrief-event")).isEqualTo("postmortem.published");
        assertThat(request.header("content-type")).isEqualTo("application/json");
        JsonPath body = JsonPath.from(request.text());
        assertThat(request.header("x-debrief-delivery")).isEqualTo(body.getString("id"));
        assertThat(body.getString("event")).isEqualTo("postmortem.published");
        assertThat(body.getString("at")).isEqualTo(MutableClock.DEFAULT_NOW.toString());
        assertThat(body.getLong("data.id")).isEqualTo(pm.postmortem());
        assertThat(body.getString("data.status")).isEqualTo("PUBLISHED");
        assertThat(body.getList("data.actionItems")).hasSize(3);

        sender.run();
        assertThat(receiver.received()).as("a second run sends nothing again").hasSize(1);
        asAdmin().get("/api/webhooks/{id}/deliveries", hook).then().statusCode(200)
                .body("status", contains("delivered")).body("[0].attempts.statusCode", contains(204));
    }

    @Test
    void aFailingReceiverIsRetriedAfterTheWaitAndTheDeliveriesListShowsEachStatusCode() {
        long hook = subscribe(receiver.url(), "postmortem.published");
        receiver.answer(500);
        Scenarios.published();

        sender.run();
        sender.run();
        assertThat(receiver.received()).as("not tried again before the first wait").hasSize(1);
        asAdmin().get("/api/webhooks/{id}/deliveries", hook).then().statusCode(200)
                .body("status", contains("pending"))
                .body("[0].nextAttemptAt", containsString("2026-03-10T12:00:30"));

        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofSeconds(30)));
        sender.run();

        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().get(1).text()).isEqualTo(receiver.received().get(0).text());
        asAdmin().get("/api/webhooks/{id}/deliveries", hook).then().statusCode(200)
                .body("status", contains("delivered"))
                .body("[0].attempts.statusCode", contains(500, 204))
                .body("[0].attempts.at", contains("2026-03-10T12:00:00Z", "2026-03-10T12:00:30Z"));
    }

    @Test
    void aDeliveryIsGivenUpAfterTheLastAttempt() {
        long hook = subscribe(receiver.url(), "postmortem.published");
        receiver.answer(500, 500, 500, 500, 500, 500);
        Scenarios.published();

        for (int attempt = 0; attempt < 8; attempt++) {
            sender.run();
            clock.set(clock.instant().plus(Duration.ofHours(6)));
        }

        assertThat(receiver.received()).as("six attempts, the first included").hasSize(6);
        asAdmin().get("/api/webhooks/{id}/deliveries", hook).then()
                .body("status", contains("failed")).body("[0].nextAttemptAt", nullValue());
    }

    @Test
    void aClaimLeftWithoutResultIsTakenOverAfterTheTimeout() {
        long hook = subscribe(receiver.url(), "postmortem.published");
        Scenarios.published();
        long delivery = asAdmin().get("/api/webhooks/{id}/deliveries", hook).jsonPath().getLong("[0].id");
        // An instance claims the delivery and dies before it posts.
        assertThat(claims.claim(delivery, MutableClock.DEFAULT_NOW)).isPresent();

        sender.run();
        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofMinutes(4)));
        sender.run();
        assertThat(receiver.received()).as("the claim holds for five minutes").isEmpty();

        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofMinutes(5)).plusSeconds(1));
        sender.run();
        sender.run();
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aLongRunClaimsEachDeliveryWhenItComesToItSoNoOtherInstanceTakesItOver() {
        subscribe(receiver.url(), "postmortem.published");
        Scenarios.published();
        Scenarios.published();
        List<Boolean> anotherInstanceWon = new CopyOnWriteArrayList<>();
        receiver.onEach(request -> {
            // Each attempt is slow; together they outlast the five-minute claim timeout.
            clock.set(clock.instant().plus(Duration.ofMinutes(3)));
            long sending = Long.parseLong(request.header("x-debrief-delivery"));
            anotherInstanceWon.add(claims.claim(sending, clock.instant()).isPresent());
        });

        sender.run();

        assertThat(anotherInstanceWon).containsExactly(false, false);
    }

    @Test
    void aRunThatSeesTheApplicationStoppingClaimsNoFurtherDeliveryAndLeavesThemForTheNextRun() {
        subscribe(receiver.url(), "postmortem.published");
        Scenarios.published();
        Scenarios.published();
        Scenarios.published();

        WebhookSender.Outcome stopped = sender.run(() -> !receiver.received().isEmpty());

        assertThat(stopped.delivered()).isEqualTo(1);
        assertThat(receiver.received()).hasSize(1);
        assertThat(sender.run().delivered()).as("the others, unclaimed, go with the next run at once").isEqualTo(2);
    }

    @Test
    void aLinkLocalAddressIsCheckedAgainBeforeEachAttempt() {
        // As if the host name resolved elsewhere when the subscriber was registered.
        data.sql("insert into webhook (id, url, secret, created_at, created_by) values (999999,"
                + " 'http://169.254.169.254/latest/meta-data/', '" + SECRET + "', current_timestamp, 'admin')");
        data.sql("insert into webhook_event (webhook_id, event) values (999999, 'postmortem.published')");
        Scenarios.published();

        sender.run();

        asAdmin().get("/api/webhooks/{id}/deliveries", 999999).then().statusCode(200)
                .body("status", contains("pending"))
                .body("[0].attempts.statusCode", contains((Object) null))
                .body("[0].attempts[0].error", containsString("link-local"));
    }

    @Test
    void aUrlStoredBeforeItsPortWasCheckedFailsItsAttemptsInsteadOfStoppingTheRun() {
        data.sql("insert into webhook (id, url, secret, created_at, created_by) values (999998,"
                + " 'http://127.0.0.1:99999/in', '" + SECRET + "', current_timestamp, 'admin')");
        data.sql("insert into webhook_event (webhook_id, event) values (999998, 'postmortem.published')");
        subscribe(receiver.url(), "postmortem.published");
        Scenarios.published();

        sender.run();

        asAdmin().get("/api/webhooks/{id}/deliveries", 999998).then().statusCode(200)
                .body("status", contains("pending"))
                .body("[0].attempts[0].error", equalTo("not sent: the URL is not one Debrief can post to"));
        assertThat(receiver.received()).as("the run went on to the next delivery").hasSize(1);
    }

    @Test
    void aSubscriberReceivesOnlyTheEventsItAskedFor() throws IOException {
        try (Receiver other = new Receiver()) {
            subscribe(receiver.url(), "action_item.created");
            subscribe(other.url(), "action_item.completed", "review.finished");
            Scenarios.Ranked pm = Scenarios.published();
            long item = pm.first();
            asEditor().body(Map.of("week", "2026-W11")).post("/api/reviews").then().statusCode(201);
            asEditor().body(Map.of("actionItemId", item, "decision", "DONE")).post("/api/reviews/2026-W11/decisions")
                    .then().statusCode(201);
            asEditor().body(Map.of()).post("/api/reviews/2026-W11/finish").then().statusCode(200);

            sender.run();

            assertThat(receiver.received()).extracting(r -> r.header("x-debrief-event"))
                    .containsExactly("action_item.created", "action_item.created", "action_item.created");
            assertThat(receiver.received()).extracting(r -> JsonPath.from(r.text()).getLong("data.id"))
                    .containsExactlyInAnyOrder(pm.first(), pm.second(), pm.third());
            assertThat(other.received()).extracting(r -> r.header("x-debrief-event"))
                    .containsExactlyInAnyOrder("action_item.completed", "review.finished");
        }
    }

    @Test
    void anItemEditedToDoneIsAnnouncedAsCompletedAsTheReviewsDoneIs() {
        subscribe(receiver.url(), "action_item.completed");
        Scenarios.Ranked pm = Scenarios.published();
        Map<String, Object> item = new HashMap<>(asViewer().get("/api/postmortems/{id}", pm.postmortem())
                .jsonPath().getMap("actionItems.find { it.id == " + pm.first() + " }"));
        item.put("status", "IN_PROGRESS");
        asEditor().body(item).put("/api/postmortems/{id}/action-items/{item}", pm.postmortem(), pm.first()).then()
                .statusCode(200);
        item.put("status", "DONE");
        item.put("version", ((Number) item.get("version")).longValue() + 1);
        asEditor().body(item).put("/api/postmortems/{id}/action-items/{item}", pm.postmortem(), pm.first()).then()
                .statusCode(200);

        sender.run();

        assertThat(receiver.received()).hasSize(1);
        JsonPath body = JsonPath.from(receiver.received().get(0).text());
        assertThat(body.getString("event")).isEqualTo("action_item.completed");
        assertThat(body.getLong("data.id")).isEqualTo(pm.first());
        assertThat(body.getString("data.status")).isEqualTo("DONE");
    }

    @Test
    void aRedatedItemIsAnnounced() {
        subscribe(receiver.url(), "action_item.redated");
        Scenarios.Ranked pm = Scenarios.published();
        asEditor().body(Map.of("week", "2026-W11")).post("/api/reviews").then().statusCode(201);
        asEditor().body(Map.of("actionItemId", pm.first(), "decision", "REDATE", "newDueDate", "2026-04-30",
                "reason", "waiting for the vendor")).post("/api/reviews/2026-W11/decisions").then().statusCode(201);

        sender.run();

        assertThat(receiver.received()).hasSize(1);
        JsonPath body = JsonPath.from(receiver.received().get(0).text());
        assertThat(body.getString("event")).isEqualTo("action_item.redated");
        assertThat(body.getString("data.dueDate")).isEqualTo("2026-04-30");
    }

    @Test
    void anOverdueItemIsAnnouncedOncePerDueDate() {
        subscribe(receiver.url(), "action_item.overdue");
        Scenarios.Ranked pm = Scenarios.published();
        sender.run();
        assertThat(receiver.received()).as("nothing is overdue yet").isEmpty();

        // The items are due on 2026-03-24: overdue from the 25th in the team's calendar.
        clock.set(Instant.parse("2026-03-25T00:30:00Z"));
        sender.run();
        sender.run();

        assertThat(receiver.received()).hasSize(3);
        assertThat(receiver.received()).extracting(r -> JsonPath.from(r.text()).getLong("data.id"))
                .containsExactlyInAnyOrder(pm.first(), pm.second(), pm.third());
        assertThat(receiver.received()).allSatisfy(r -> assertThat(r.header("x-debrief-event"))
                .isEqualTo("action_item.overdue"));
    }

    @Test
    void aRunWithNoOverdueItemLeftToAnnounceReadsNoItem() {
        subscribe(receiver.url(), "action_item.overdue");
        Scenarios.published();
        clock.set(Instant.parse("2026-03-25T00:30:00Z"));
        sender.run();
        assertThat(receiver.received()).hasSize(3);
        sessions.getStatistics().clear();

        sender.run();

        assertThat(sessions.getStatistics().getEntityStatistics(ActionItem.class.getName()).getLoadCount()).isZero();
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void aLinkLocalAddressIsRefused() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://[fe80::1]:8080/hook",
                "http://[fd00:ec2::254]/latest/meta-data/", "http://100.100.100.200/latest/meta-data/",
                "http://[::ffff:169.254.169.254]/")) {
            asAdmin().body(request(url, "postmortem.published")).post("/api/webhooks").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", contains("url"));
        }
        asAdmin().get("/api/webhooks").then().statusCode(200).body("", empty());
    }

    @Test
    void badFieldsAreRefusedByName() {
        asAdmin().body(request(receiver.url(), "postmortem.published", "postmortem.deleted"))
                .post("/api/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("events[1]"));
        asAdmin().body(request("ftp://hooks.example.com/in", "postmortem.published")).post("/api/webhooks").then()
                .statusCode(400).body("errors.field", contains("url"));
        asAdmin().body(request("http://127.0.0.1:99999/in", "postmortem.published")).post("/api/webhooks").then()
                .statusCode(400).body("errors.field", contains("url"));
        asAdmin().body(Map.of("url", receiver.url(), "events", List.of("review.finished"), "secret", "short"))
                .post("/api/webhooks").then().statusCode(400).body("errors.field", contains("secret"));
        asAdmin().body(Map.of("url", receiver.url(), "events", List.of(), "secret", SECRET))
                .post("/api/webhooks").then().statusCode(400).body("errors.field", contains("events"));
        asAdmin().body(Map.of("url", receiver.url(), "events", "review.finished", "secret", SECRET))
                .post("/api/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("events"));
    }

    @Test
    void onlyAdminsManageWebhooks() {
        asEditor().body(request(receiver.url(), "postmortem.published")).post("/api/webhooks").then().statusCode(403);
        asEditor().get("/api/webhooks").then().statusCode(403);
        asViewer().get("/api/webhooks").then().statusCode(403);
        long hook = subscribe(receiver.url(), "postmortem.published");
        asEditor().get("/api/webhooks/{id}/deliveries", hook).then().statusCode(403);
        asEditor().delete("/api/webhooks/{id}", hook).then().statusCode(403);
    }

    @Test
    void theSecretIsNeverShownAndRegisteringAndDeletingAreAudited() {
        String created = asAdmin().body(request(receiver.url(), "review.finished", "postmortem.published"))
                .post("/api/webhooks").then().statusCode(201)
                .header("Location", containsString("/api/webhooks/"))
                .body("url", equalTo(receiver.url()))
                .body("events", contains("postmortem.published", "review.finished"))
                .extract().asString();
        assertThat(created).doesNotContain(SECRET);
        long hook = JsonPath.from(created).getLong("id");
        assertThat(asAdmin().get("/api/webhooks").then().statusCode(200).extract().asString())
                .contains(receiver.url()).doesNotContain(SECRET);
        assertThat(asAdmin().get("/api/webhooks/{id}", hook).then().statusCode(200).extract().asString())
                .doesNotContain(SECRET);

        asAdmin().delete("/api/webhooks/{id}", hook).then().statusCode(204);
        asAdmin().get("/api/webhooks/{id}", hook).then().statusCode(404).contentType("application/problem+json");

        String trail = asAdmin().queryParam("action", "webhook").get("/api/audit").then().statusCode(200)
                .body("items.action", contains("webhook.deleted", "webhook.created"))
                .body("items.actor", hasItem("admin")).extract().asString();
        assertThat(trail).contains(receiver.url()).doesNotContain(SECRET);
    }

    @Test
    void aRefusedOrRolledBackChangeEnqueuesNothing() {
        long hook = subscribe(receiver.url(), "postmortem.published");
        Scenarios.Ranked ready = Scenarios.readyToPublish();
        asEditor().body(Map.of("publishedAt", "2027-01-01T00:00:00Z"))
                .post("/api/postmortems/{id}/publish", ready.postmortem()).then().statusCode(400);

        QuarkusTransaction.begin();
        postMortems.publish(ready.postmortem(), null);
        QuarkusTransaction.rollback();

        sender.run();
        assertThat(receiver.received()).isEmpty();
        asAdmin().get("/api/webhooks/{id}/deliveries", hook).then().statusCode(200).body("", empty());
        asViewer().get("/api/postmortems/{id}", ready.postmortem()).then().body("status", not("PUBLISHED"));
    }

    @Test
    void twoSenderRunsRacingSendEachDeliveryOnce() throws Exception {
        long hook = subscribe(receiver.url(), "action_item.created", "postmortem.published");
        Scenarios.published();
        Scenarios.published();

        CyclicBarrier bothReady = new CyclicBarrier(2);
        Runnable race = () -> {
            try {
                bothReady.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            sender.run();
        };
        CompletableFuture.allOf(CompletableFuture.runAsync(race), CompletableFuture.runAsync(race)).get();

        List<String> ids = receiver.received().stream().map(r -> r.header("x-debrief-delivery")).toList();
        assertThat(ids).as("six items created, two published, each sent once").hasSize(8).doesNotHaveDuplicates();
        asAdmin().get("/api/webhooks/{id}/deliveries", hook).then()
                .body("status", everyItem(equalTo("delivered")))
                .body("attempts.flatten()", hasSize(8));
    }

    private static long subscribe(String url, String... events) {
        return asAdmin().body(request(url, events)).post("/api/webhooks").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static Map<String, Object> request(String url, String... events) {
        return Map.of("url", url, "events", List.of(events), "secret", SECRET);
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
