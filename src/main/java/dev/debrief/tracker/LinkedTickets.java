package dev.debrief.tracker;

import dev.debrief.common.InList;
import dev.debrief.postmortem.ActionItemHistory;
import dev.debrief.postmortem.ActionItemTickets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the post-mortem page and the board show of tickets: each item's linked ticket, and what trackers did to items. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LinkedTickets implements ActionItemTickets, ActionItemHistory {

    @Inject
    EntityManager em;

    @Inject
    Trackers trackers;

    @Override
    public Map<Long, Ticket> forItems(Collection<Long> actionItemIds) {
        Map<Long, Ticket> tickets = new HashMap<>();
        if (actionItemIds.isEmpty()) {
            return tickets;
        }
        InList ids = new InList("ids", actionItemIds);
        ids.bind(em.createQuery("select t from TrackerTicket t where t.actionItemId in " + ids.hql()
                        + " and t.state <> :pending", TrackerTicket.class))
                .setParameter("pending", TrackerTicket.State.PENDING)
                .getResultList().forEach(t -> tickets.put(t.getActionItemId(), t.view()));
        return tickets;
    }

    @Override
    public boolean canOpen() {
        return trackers.forNewTickets().isPresent();
    }

    @Override
    public List<Entry> of(List<Long> actionItemIds) {
        if (actionItemIds.isEmpty()) {
            return List.of();
        }
        InList ids = new InList("ids", actionItemIds);
        return ids.bind(em.createQuery("select h from TrackerHistory h where h.actionItemId in " + ids.hql()
                        + " order by h.at, h.id", TrackerHistory.class))
                .getResultList().stream()
                .map(h -> new Entry(h.getActionItemId(), h.getAt(), "issue tracker", h.getWhat(), null)).toList();
    }
}
