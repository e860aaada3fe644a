package dev.debrief.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Adds deliveries of an event, one per subscriber that wants it, to the transaction of the change that made the
 * event: they are stored exactly when the change is, and the sender finds them there.
 */
@ApplicationScoped
class Outbox {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** One delivery of {@code event}, showing {@code data}, to each subscriber that asked for it. */
    @Transactional(Transactional.TxType.MANDATORY)
    void enqueue(WebhookEvent event, Object data) {
        List<Long> subscribers = subscribers(event);
        if (subscribers.isEmpty()) {
            return;
        }
        Instant now = now();
        String shown = asJson(data);
        for (Long webhookId : subscribers) {
            add(webhookId, event, null, shown, now);
        }
    }

    /** The subscribers that asked for {@code event}. */
    List<Long> subscribers(WebhookEvent event) {
        return em.createQuery("select w.id from Webhook w join w.events e where e = :event order by w.id", Long.class)
                .setParameter("event", event.wireName()).getResultList();
    }

    /** Adds one delivery of {@code data} (JSON); {@code eventKey}, when not null, is unique per subscriber. */
    @Transactional(Transactional.TxType.MANDATORY)
    void add(long webhookId, WebhookEvent event, String eventKey, String data, Instant at) {
        new WebhookDelivery(webhookId, event, eventKey, data, at).persist();
    }

    /**
     * {@code data} as JSON. In the unlikely case that it is wider than the column (a post-mortem at the limits of
     * every field), only its id goes, so that the change is never refused for the sake of a webhook.
     */
    String asJson(Object data) {
        try {
            JsonNode tree = json.valueToTree(data);
            String text = json.writeValueAsString(tree);
            if (text.length() <= WebhookDelivery.DATA_LENGTH) {
                return text;
            }
            ObjectNode idOnly = json.createObjectNode();
            idOnly.set("id", tree.get("id"));
            idOnly.put("omitted", "too large for a webhook; read it from the API");
            return json.writeValueAsString(idOnly);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
