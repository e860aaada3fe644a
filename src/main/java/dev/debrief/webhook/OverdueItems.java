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
import java.util.ArrayList;
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
        List<OpenWork.Overdue> overdue = work.overdue(calendar.today());
        Set<String> added = new HashSet<>();
        InList webhooks = new InList("webhooks", subscribers);
        for (int from = 0; from < overdue.size(); from += OpenWork.IDS_AT_ONCE) {
            InList chunk = new InList("keys", overdue.subList(from, Math.min(overdue.size(),
                    from + OpenWork.IDS_AT_ONCE)).stream().map(OverdueItems::key).toList());
            webhooks.bind(chunk.bind(em.createQuery("select d.webhookId, d.eventKey from WebhookDelivery d"
                            + " where d.webhookId in " + webhooks.hql() + " and d.event = :event"
                            + " and d.eventKey in " + chunk.hql(), Object[].class)))
                    .setParameter("event", WebhookEvent.ACTION_ITEM_OVERDUE.wireName())
                    .getResultList().forEach(row -> added.add(row[0] + " " + row[1]));
        }
        // Only the items some subscriber has not been told of are read, so a run with nothing new reads none.
        List<Long> untold = overdue.stream()
                .filter(item -> subscribers.stream().anyMatch(hook -> !added.contains(hook + " " + key(item))))
                .map(OpenWork.Overdue::id).toList();
        Instant now = outbox.now();
        int count = 0;
        for (ActionItem item : items(untold)) {
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

    /** The items with these ids, with what their view shows, earliest due first. */
    private List<ActionItem> items(List<Long> ids) {
        List<ActionItem> items = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += OpenWork.IDS_AT_ONCE) {
            InList chunk = new InList("ids", ids.subList(from, Math.min(ids.size(), from + OpenWork.IDS_AT_ONCE)));
            items.addAll(chunk.bind(em.createQuery("select i from ActionItem i join fetch i.postMortem"
                    + " left join fetch i.team where i.id in " + chunk.hql() + " order by i.dueDate, i.id",
                    ActionItem.class)).getResultList());
        }
        return items;
    }

    private static String key(OpenWork.Overdue item) {
        return item.id() + ":" + item.dueDate();
    }

    private static String key(ActionItem item) {
        return item.getId() + ":" + item.getDueDate();
    }
}
