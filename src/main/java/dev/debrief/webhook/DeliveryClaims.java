package dev.debrief.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.common.DebriefConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sender's side of the outbox, each step in a transaction of its own so that no transaction stays open while
 * Debrief waits for a receiver. A delivery is claimed with a conditional update that only one caller can win, on one
 * instance or several; a claim without a result for longer than {@code debrief.webhooks.claim-timeout} is from an
 * instance that died while sending, and is taken over.
 */
@ApplicationScoped
class DeliveryClaims {

    @Inject
    EntityManager em;

    @Inject
    DebriefConfig config;

    @Inject
    ObjectMapper json;

    /** A delivery this caller now owns: what to post where, and the token that proves the claim. */
    record Claimed(long id, String token, URI url, String secret, String event, String body) {
    }

    /** Up to {@code limit} deliveries due at {@code now} that nobody holds, the longest waiting first. */
    List<Long> due(Instant now, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select d.id from WebhookDelivery d"
                        + " where d.status = :pending and d.nextAttemptAt <= :now"
                        + " and (d.claimedAt is null or d.claimedAt < :stale) order by d.nextAttemptAt, d.id", Long.class)
                .setParameter("pending", DeliveryStatus.PENDING).setParameter("now", now)
                .setParameter("stale", stale(now)).setMaxResults(limit).getResultList());
    }

    /** The delivery, if this caller won it; empty when another run holds it, sent it, or its subscriber is gone. */
    Optional<Claimed> claim(long id, Instant now) {
        String token = UUID.randomUUID().toString();
        return QuarkusTransaction.requiringNew().call(() -> {
            int won = em.createQuery("update WebhookDelivery d set d.claimedAt = :now, d.claimToken = :token"
                            + " where d.id = :id and d.status = :pending and d.nextAttemptAt <= :now"
                            + " and (d.claimedAt is null or d.claimedAt < :stale)")
                    .setParameter("now", now).setParameter("token", token).setParameter("id", id)
                    .setParameter("pending", DeliveryStatus.PENDING).setParameter("stale", stale(now))
                    .executeUpdate();
            if (won != 1) {
                return Optional.<Claimed>empty();
            }
            WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
            Webhook webhook = em.find(Webhook.class, delivery.getWebhookId());
            return Optional.of(new Claimed(id, token, webhook.url(), webhook.secret(), delivery.getEvent(),
                    delivery.body(json)));
        });
    }

    /**
     * Records the attempt and ends the claim, if the claim still holds (a claim taken over after the timeout, or a
     * subscriber deleted meanwhile, leaves nothing to record).
     */
    void record(Claimed claimed, Attempt attempt) {
        QuarkusTransaction.requiringNew().run(() -> held(claimed).ifPresent(delivery -> delivery.recordAttempt(
                attempt, new RetryPolicy(config.webhooks().retryWaits(), config.webhooks().maxAttempts()))));
    }

    /** Gives the delivery back untried, for the next run. */
    void release(Claimed claimed) {
        QuarkusTransaction.requiringNew().run(() -> held(claimed).ifPresent(WebhookDelivery::release));
    }

    private Optional<WebhookDelivery> held(Claimed claimed) {
        return Optional.ofNullable(em.find(WebhookDelivery.class, claimed.id(), LockModeType.PESSIMISTIC_WRITE))
                .filter(delivery -> delivery.isClaimedBy(claimed.token()));
    }

    private Instant stale(Instant now) {
        return now.minus(config.webhooks().claimTimeout());
    }
}
