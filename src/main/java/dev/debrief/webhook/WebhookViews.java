package dev.debrief.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Response bodies of the webhook API. A subscriber's secret is never among them. */
public final class WebhookViews {

    private WebhookViews() {
    }

    /** A subscriber. */
    public record WebhookView(Long id, String url, Set<String> events, Instant createdAt, String createdBy) {

        static WebhookView of(Webhook webhook) {
            return new WebhookView(webhook.getId(), webhook.url().toString(), webhook.events(),
                    webhook.getCreatedAt(), webhook.getCreatedBy());
        }
    }

    /**
     * A delivery: its event, where it stands ({@code pending}, {@code delivered}, {@code failed}), when it was
     * created, delivered or is next tried, and its attempts, oldest first.
     */
    public record DeliveryView(Long id, String event, String status, Instant createdAt, Instant deliveredAt,
            Instant nextAttemptAt, List<Attempt> attempts) {

        static DeliveryView of(WebhookDelivery delivery) {
            return new DeliveryView(delivery.getId(), delivery.getEvent(),
                    delivery.getStatus().name().toLowerCase(Locale.ROOT), delivery.getCreatedAt(),
                    delivery.getDeliveredAt(), delivery.getNextAttemptAt(), delivery.getAttempts());
        }
    }
}
