package dev.debrief.webhook;

import dev.debrief.common.Database;
import dev.debrief.common.InList;
import dev.debrief.common.TeamCalendar;
import dev.debrief.postmortem.ActionItem;
import dev.debrief.postmortem.ActionItemView;
import dev.debrief.postmortem.OpenWork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the action items that became overdue (open items of published post-mortems past their due date in the
 * team's calendar) and adds an {@code action_item.overdue} delivery for each, once per item, due date and subscriber:
 * the event key {@code <item id>:<due date>} is unique per subscriber, so a re-dated item that falls overdue again is
 * a new event, and two instances looking at once add it once.
 */
@ApplicationScoped
class OverdueItems {

    @Inject
    OpenWork work;

    @Inject
    TeamCalendar calendar;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    /** Adds the deliveries not added yet, in a transaction of its own; how many it added. */
    int enqueueNew() {
        try {
            return QuarkusTransaction.requiringNew().call(this::enqueue);
        } catch (RuntimeException e) {
            if (Database.isConstraintViolation(e)) {
                // Another run added the same events at the same moment; what it missed, the next run adds.
                return 0;
            }
            throw e;
        }
    }

    private int enqueue() {
        List<Long> subscribers = outbox.subscribers(WebhookEvent.ACTION_ITEM_OVERDUE);
        if (subscribers.isEmpty()) {
            return 0;
        }
        List<ActionItem> overdue = work.overdueItems(calendar.today());
        if (overdue.isEmpty()) {
            return 0;
        }
        List<String> keys = overdue.stream().map(OverdueItems::key).toList();
        Set<String> added = new HashSet<>();
        for (int from = 0; from < keys.size(); from += OpenWork.IDS_AT_ONCE) {
            InList chunk = new InList("keys", keys.subList(from, Math.min(keys.size(), from + OpenWork.IDS_AT_ONCE)));
            chunk.bind(em.createQuery("select d.webhookId, d.eventKey from WebhookDelivery d where d.event = :event"
                            + " and d.eventKey in " + chunk.hql(), Object[].class))
                    .setParameter("event", WebhookEvent.ACTION_ITEM_OVERDUE.wireName())
                    .getResultList().forEach(row -> added.add(row[0] + " " + row[1]));
        }
        Instant now = outbox.now();
        int count = 0;
        for (ActionItem item : overdue) {
            String data = null;
            for (Long webhookId : subscribers) {
                if (added.contains(webhookId + " " + key(item))) {
                    continue;
                }
                data = data == null ? outbox.asJson(ActionItemView.of(item)) : data;
                outbox.add(webhookId, WebhookEvent.ACTION_ITEM_OVERDUE, key(item), data, now);
                count++;
            }
        }
        return count;
    }

    private static String key(ActionItem item) {
        return item.getId() + ":" + item.getDueDate();
    }
}
