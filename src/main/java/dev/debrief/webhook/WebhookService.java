package dev.debrief.webhook;

import dev.debrief.audit.AuditTrail;
import dev.debrief.audit.Change;
import dev.debrief.audit.Subject;
import dev.debrief.common.CurrentUser;
import dev.debrief.common.NotFoundException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** Registering and removing subscribers, and what was sent to them; admins only (see application.properties). */
@ApplicationScoped
@Transactional
public class WebhookService {

    /** The most deliveries a subscriber's list shows. */
    static final int DELIVERIES_SHOWN = 100;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CurrentUser currentUser;

    @Inject
    WebhookAddresses addresses;

    @Inject
    AuditTrail audit;

    public WebhookViews.WebhookView register(WebhookRequest request) {
        URI url = addresses.requireAllowed(request.url());
        Set<WebhookEvent> events = WebhookEvent.parseAll(request.events());
        Webhook webhook = new Webhook(url, events, request.secret(), clock.instant().truncatedTo(ChronoUnit.MICROS),
                currentUser.name());
        webhook.persist();
        WebhookViews.WebhookView created = WebhookViews.WebhookView.of(webhook);
        audit.record("webhook.created", subject(created), changes(created, false));
        return created;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookViews.WebhookView> list() {
        return Webhook.<Webhook>listAll(Sort.ascending("id")).stream().map(WebhookViews.WebhookView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookViews.WebhookView get(long id) {
        return WebhookViews.WebhookView.of(find(id, LockModeType.NONE));
    }

    /** Removes the subscriber with its deliveries; the attempt of one being sent at this moment is not recorded. */
    public void delete(long id) {
        Webhook webhook = find(id, LockModeType.PESSIMISTIC_WRITE);
        WebhookViews.WebhookView removed = WebhookViews.WebhookView.of(webhook);
        // Locked first, so that a sender recording an attempt (it locks its delivery) finishes before, or finds none.
        em.createQuery("select d.id from WebhookDelivery d where d.webhookId = :id", Long.class)
                .setParameter("id", id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        em.createNativeQuery("delete from webhook_attempt where delivery_id in"
                + " (select id from webhook_delivery where webhook_id = :id)").setParameter("id", id).executeUpdate();
        em.createQuery("delete from WebhookDelivery d where d.webhookId = :id").setParameter("id", id)
                .executeUpdate();
        webhook.delete();
        audit.record("webhook.deleted", subject(removed), changes(removed, true));
    }

    /** The subscriber's latest deliveries, newest first, each with its attempts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookViews.DeliveryView> deliveries(long id) {
        find(id, LockModeType.NONE);
        return em.createQuery("select d from WebhookDelivery d where d.webhookId = :id"
                        + " order by d.createdAt desc, d.id desc", WebhookDelivery.class)
                .setParameter("id", id).setMaxResults(DELIVERIES_SHOWN).getResultList().stream()
                .map(WebhookViews.DeliveryView::of).toList();
    }

    private Webhook find(long id, LockModeType lock) {
        return Webhook.<Webhook>findByIdOptional(id, lock).orElseThrow(() -> new NotFoundException("webhook", id));
    }

    private static Subject subject(WebhookViews.WebhookView webhook) {
        return Subject.webhook(webhook.id(), webhook.url());
    }

    /** The address and the events, never the secret; from nothing when created, to nothing when deleted. */
    private static List<Change> changes(WebhookViews.WebhookView webhook, boolean removed) {
        String events = String.join("\n", webhook.events());
        return List.of(removed ? new Change("url", webhook.url(), null) : new Change("url", null, webhook.url()),
                removed ? new Change("events", events, null) : new Change("events", null, events));
    }
}
