package dev.debrief.webhook;

import dev.debrief.common.RunGate;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLException;
import org.jboss.logging.Logger;

/**
 * Sends the deliveries that are due: adds the overdue items' events, then claims each due delivery (see
 * {@link DeliveryClaims}), posts it signed, and records the attempt. Each delivery goes to its subscriber once
 * whatever the number of runs or instances; a receiver that fails gets it again after the retry policy's wait.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    /** Deliveries one run looks at; more wait for the next run. */
    private static final int BATCH = 50;

    // Redirects are not followed: a signed body goes only to the address an admin registered.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final RunGate gate = new RunGate();

    @Inject
    DeliveryClaims claims;

    @Inject
    OverdueItems overdue;

    @Inject
    WebhookAddresses addresses;

    @Inject
    Clock clock;

    /** What one run did, for logs and tests. */
    public record Outcome(int delivered, int failed, int skipped) {
    }

    @Scheduled(every = "${debrief.webhooks.send-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        gate.runUnlessStopping(() -> {
            Outcome outcome = run(gate::isStopping);
            if (outcome.failed() > 0) {
                LOG.infof("Webhooks: %d delivered, %d failed (retried later)", outcome.delivered(), outcome.failed());
            }
        });
    }

    /** A run under way finishes before the beans it uses go away, so no claim is left to time out. */
    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        gate.stop(Duration.ofSeconds(30));
    }

    public Outcome run() {
        return run(() -> false);
    }

    /**
     * Sends the deliveries due, one after the other, until {@code stopping} says the application is going away: a
     * run of 50 deliveries may take minutes, and those not yet claimed are left for the next run, anywhere, rather
     * than claimed by an instance that will not live to record them.
     */
    Outcome run(BooleanSupplier stopping) {
        overdue.enqueueNew();
        Instant now = now();
        int delivered = 0;
        int failed = 0;
        int skipped = 0;
        for (long id : claims.due(now, BATCH)) {
            if (stopping.getAsBoolean()) {
                break;
            }
            Optional<DeliveryClaims.Claimed> claimed = claims.claim(id, now());
            if (claimed.isEmpty()) {
                skipped++;
                continue;
            }
            Attempt attempt;
            try {
                attempt = attempt(claimed.get());
            } catch (InterruptedException e) {
                claims.release(claimed.get());
                Thread.currentThread().interrupt();
                break;
            }
            claims.record(claimed.get(), attempt);
            if (attempt.succeeded()) {
                delivered++;
            } else {
                failed++;
                LOG.debugf("Webhook delivery %d to subscriber failed: %s", id,
                        attempt.error() == null ? "HTTP " + attempt.statusCode() : attempt.error());
            }
        }
        return new Outcome(delivered, failed, skipped);
    }

    private Attempt attempt(DeliveryClaims.Claimed claimed) throws InterruptedException {
        Instant at = now();
        long started = System.nanoTime();
        Optional<String> refused = addresses.refusal(claimed.url());
        if (refused.isPresent()) {
            return Attempt.failed(at, "not sent: the URL " + refused.get(), elapsedMs(started));
        }
        byte[] body = claimed.body().getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest request = HttpRequest.newBuilder(claimed.url()).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Debrief-Event", claimed.event())
                    .header("X-Debrief-Delivery", Long.toString(claimed.id()))
                    .header("X-Debrief-Signature", signature(claimed.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return Attempt.answered(at, response.statusCode(), elapsedMs(started));
        } catch (IOException e) {
            return Attempt.failed(at, describe(e), elapsedMs(started));
        } catch (IllegalArgumentException e) {
            // A URL registered before Debrief checked its port: recorded like any failed attempt, not retried forever.
            return Attempt.failed(at, "not sent: the URL is not one Debrief can post to", elapsedMs(started));
        }
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of exactly these bytes, keyed with the subscriber's secret. */
    static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** What went wrong, in words for the deliveries list; no class names, no URL (it may carry a token). */
    private static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof SSLException) {
            return "TLS handshake failed";
        }
        return "connection failed";
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
