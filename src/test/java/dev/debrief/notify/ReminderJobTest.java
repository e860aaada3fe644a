package dev.debrief.notify;

import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.debrief.support.MutableClock;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders against a local HTTP receiver (the test profile's webhook URL) and the mock mailbox, on the fixed
 * clock: Tuesday 2026-03-10 12:00 UTC, after Monday's 09:00 digest time.
 */
@QuarkusTest
class ReminderJobTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    ReminderJob job;

    @Inject
    SentReminders sent;

    @Inject
    MockMailbox mailbox;

    @Inject
    EntityManager em;

    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    /** What the receiver does first at each request, while the job waits for its answer. */
    private volatile Runnable atEachRequest = () -> { };

    @BeforeEach
    void start() throws IOException {
        data.reset();
        mailbox.clear();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 18765), 0);
        receiver.createContext("/hook", exchange -> {
            atEachRequest.run();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            if (status == 200) {
                received.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        long pm = Scenarios.create(PostMortemJson.complete().with("title", "Checkout outage"));
        Map<String, Object> overdue = PostMortemJson.item(1);
        overdue.put("dueDate", "2026-03-05");
        overdue.put("owner", "alice");
        Scenarios.addItem(pm, overdue);
        Map<String, Object> thisWeek = PostMortemJson.item(2);
        thisWeek.put("dueDate", "2026-03-12");
        thisWeek.put("owner", "bob");
        Scenarios.addItem(pm, thisWeek);
        Scenarios.create(PostMortemJson.complete().with("title", "Search index stale")
                .with("startedAt", "2026-03-07T09:00:00Z").with("detectedAt", "2026-03-07T09:10:00Z")
                .with("resolvedAt", "2026-03-07T10:00:00Z"));
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        failuresLeft.set(0);
    }

    @Test
    void sendsTheDigestAndEachOverdueNoticeOncePerChannel() {
        ReminderJob.Outcome first = job.run();
        assertThat(first.sent()).isEqualTo(6);
        assertThat(received).hasSize(3);
        assertThat(received).anySatisfy(body -> assertThat(body).startsWith("{\"text\":")
                .contains("Weekly review digest 2026-W11").contains("alice").contains("OVERDUE 5 d")
                .contains("bob").contains("due 2026-03-12"));
        assertThat(received).anySatisfy(body -> assertThat(body).contains("Action item overdue: Action 1"));
        assertThat(received).anySatisfy(body -> assertThat(body).contains("write-up overdue: Search index stale"));
        assertThat(mailbox.getMailsSentTo("team@example.test")).hasSize(3)
                .anySatisfy(mail -> assertThat(mail.getSubject()).isEqualTo("[Debrief] Weekly review digest 2026-W11"));

        ReminderJob.Outcome second = job.run();
        assertThat(second.sent()).as("a second run sends nothing again").isZero();
        assertThat(second.alreadySent()).isEqualTo(6);
        assertThat(received).hasSize(3);
        assertThat(mailbox.getMailsSentTo("team@example.test")).hasSize(3);
    }

    @Test
    void noDigestBeforeTheConfiguredDayAndTime() {
        clock.set(Instant.parse("2026-03-09T08:59:00Z"));
        job.run();
        assertThat(received).noneSatisfy(body -> assertThat(body).contains("digest"));
        clock.set(Instant.parse("2026-03-09T09:00:00Z"));
        job.run();
        assertThat(received).filteredOn(body -> body.contains("digest")).hasSize(1);
    }

    @Test
    void failingWebhookIsRetriedThenLeftForTheNextRunWithoutStoppingMail() {
        failuresLeft.set(1000);
        ReminderJob.Outcome failing = job.run();
        assertThat(failing.failed()).isEqualTo(3);
        assertThat(failing.sent()).as("mail still goes out").isEqualTo(3);
        assertThat(received).isEmpty();
        asViewer().get("/api/board").then().statusCode(200);

        failuresLeft.set(2);
        ReminderJob.Outcome recovered = job.run();
        assertThat(recovered.sent()).as("each webhook reminder retried; the first succeeds on its third try")
                .isEqualTo(3);
        assertThat(recovered.failed()).isZero();
        assertThat(received).hasSize(3);
        assertThat(mailbox.getMailsSentTo("team@example.test")).hasSize(3);
    }

    @Test
    void aClaimLeftBehindByAnInstanceThatDiedWhileSendingIsTakenOver() {
        assertThat(sent.claim("digest:2026-W11:webhook", clock.instant().minus(Duration.ofMinutes(11))))
                .isTrue();
        job.run();
        assertThat(received).filteredOn(body -> body.contains("digest")).hasSize(1);
    }

    @Test
    void aRunHeldUpBySlowSendsLeavesNoClaimThatLooksAbandonedToAnotherInstance() {
        List<String> takenOver = new CopyOnWriteArrayList<>();
        atEachRequest = () -> {
            // Another instance's run, at this moment: it takes over any claim that looks abandoned.
            for (String key : unsentClaims()) {
                if (sent.claim(key, clock.instant())) {
                    takenOver.add(key);
                }
            }
            clock.set(clock.instant().plus(Duration.ofMinutes(11)));
        };

        job.run();

        assertThat(received).hasSize(3);
        assertThat(takenOver).isEmpty();
    }

    @Test
    void aRunThatSeesTheApplicationStoppingClaimsNoFurtherReminderAndLeavesThemForTheNextRun() {
        // Stopping once anything went out, by either channel (they come in no fixed order).
        ReminderJob.Outcome stopped = job.run(() -> !received.isEmpty() || mailbox.getTotalMessagesSent() > 0);

        assertThat(stopped.sent()).isEqualTo(1);
        assertThat(unsentClaims()).as("nothing claimed and left unsent").isEmpty();
        assertThat(job.run().sent()).as("the rest, with the next run").isEqualTo(5);
    }

    @Test
    void releasingAClaimThatAnotherInstanceTookOverLeavesItTheirs() {
        Instant mine = clock.instant().minus(Duration.ofMinutes(11));
        assertThat(sent.claim("digest:2026-W11:webhook", mine)).isTrue();
        assertThat(sent.claim("digest:2026-W11:webhook", clock.instant())).as("taken over").isTrue();

        sent.release("digest:2026-W11:webhook", mine);

        assertThat(sent.claim("digest:2026-W11:webhook", clock.instant())).as("still the other's").isFalse();
    }

    private List<String> unsentClaims() {
        List<?> keys = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select reminder_key from sent_reminder where sent_at is null", String.class).getResultList());
        return keys.stream().map(String.class::cast).toList();
    }

    @Test
    void textFromPeopleCannotMentionTheWholeChannel() {
        Scenarios.create(PostMortemJson.complete().with("title", "Ping <!channel> & <@U123>")
                .with("startedAt", "2026-03-06T09:00:00Z").with("detectedAt", "2026-03-06T09:10:00Z")
                .with("resolvedAt", "2026-03-06T10:00:00Z"));
        job.run();
        assertThat(received).anySatisfy(body -> assertThat(body).contains("Ping &lt;!channel&gt; &amp; &lt;@U123&gt;"));
        assertThat(received).noneSatisfy(body -> assertThat(body).contains("<!channel>"));
    }

    @Test
    void aReminderClaimedByAnotherInstanceIsNotSentAgain() {
        Instant now = clock.instant();
        assertThat(sent.claim("digest:2026-W11:webhook", now)).isTrue();
        assertThat(sent.claim("digest:2026-W11:webhook", now)).as("a second instance finds it claimed").isFalse();
        job.run();
        assertThat(received).noneSatisfy(body -> assertThat(body).contains("digest"));
        assertThat(mailbox.getMailsSentTo("team@example.test"))
                .anySatisfy(mail -> assertThat(mail.getSubject()).contains("digest"));
    }
}
