package dev.debrief.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.debrief.common.Identified;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/**
 * One event for one subscriber: a row of the outbox, written in the transaction of the change, with the JSON of what
 * the event is about as it was then; every attempt sends the same body ({@link #body()}). It is pending until the receiver answers 2xx (delivered) or the attempts
 * run out (failed); in between, each failed attempt sets the time of the next.
 */
@Entity
@Table(name = "webhook_delivery")
@SequenceGenerator(sequenceName = "webhook_delivery_seq")
class WebhookDelivery extends Identified {

    /** 1 MiB, as wide as H2's text columns go: the largest post-mortem the API accepts, as JSON, fits. */
    static final int DATA_LENGTH = 1_048_576;

    @Column(nullable = false)
    private Long webhookId;

    @Column(nullable = false, length = 40)
    private String event;

    @Column(length = 200)
    private String eventKey;

    @Column(nullable = false, length = DATA_LENGTH)
    private String data;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private DeliveryStatus status = DeliveryStatus.PENDING;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant nextAttemptAt;

    private Instant claimedAt;

    @Column(length = 36)
    private String claimToken;

    private Instant deliveredAt;

    @ElementCollection
    @CollectionTable(name = "webhook_attempt", joinColumns = @JoinColumn(name = "delivery_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<Attempt> attempts = new ArrayList<>();

    protected WebhookDelivery() {
    }

    /**
     * A delivery due at once of {@code data} (JSON); {@code eventKey} names an event that must go once per
     * subscriber, or is null.
     */
    WebhookDelivery(long webhookId, WebhookEvent event, String eventKey, String data, Instant now) {
        this.webhookId = webhookId;
        this.event = event.wireName();
        this.eventKey = eventKey;
        this.data = data;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** What is posted, the same at every attempt: {@code {"id", "event", "at", "data"}}. */
    String body(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("id", getId());
        body.put("event", event);
        body.put("at", createdAt.toString());
        body.putRawValue("data", new RawValue(data));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records the outcome of the attempt this claim made and ends the claim: delivered on a 2xx, failed when this
     * was the last attempt allowed, otherwise pending again after the policy's wait.
     */
    void recordAttempt(Attempt attempt, RetryPolicy policy) {
        attempts.add(attempt);
        claimedAt = null;
        claimToken = null;
        if (attempt.succeeded()) {
            status = DeliveryStatus.DELIVERED;
            deliveredAt = attempt.at().plusMillis(attempt.durationMs());
            nextAttemptAt = null;
        } else if (attempts.size() >= policy.maxAttempts()) {
            status = DeliveryStatus.FAILED;
            nextAttemptAt = null;
        } else {
            Duration wait = policy.waitAfter(attempts.size());
            nextAttemptAt = attempt.at().plus(wait);
        }
    }

    /** Ends a claim that made no attempt (the sender was interrupted), so that the next run takes the delivery. */
    void release() {
        claimedAt = null;
        claimToken = null;
    }

    boolean isClaimedBy(String token) {
        return token.equals(claimToken);
    }

    Long getWebhookId() {
        return webhookId;
    }

    String getEvent() {
        return event;
    }

    DeliveryStatus getStatus() {
        return status;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    Instant getDeliveredAt() {
        return deliveredAt;
    }

    List<Attempt> getAttempts() {
        return List.copyOf(attempts);
    }
}
