package dev.debrief.tracker;

import dev.debrief.postmortem.ActionItem;
import dev.debrief.postmortem.ActionItemStatus;
import dev.debrief.postmortem.ActionItemView;
import dev.debrief.postmortem.PostMortemAudit;
import dev.debrief.postmortem.PostMortemEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Applies a ticket's state, from a webhook or the reconcile job, to its action item through the item's own
 * operations: a ticket closed completes the open item at the ticket's close time, one reopened opens the done item
 * again; each change goes to the audit trail and the item's history, and a completion is announced as the review's
 * DONE is ({@link PostMortemEvents.ActionItemCompleted}, which subscribers get as {@code action_item.completed}).
 * Only a change of the ticket's state newer than the last one applied counts, so a replayed or late delivery changes
 * nothing, and an item the review completed or dropped is not undone by an unrelated edit of its ticket.
 */
@ApplicationScoped
class TicketStates {

    @Inject
    EntityManager em;

    @Inject
    PostMortemAudit audit;

    @Inject
    Clock clock;

    @Inject
    Event<PostMortemEvents.ActionItemCompleted> completed;

    /**
     * The linked ticket {@code remote} is, if Debrief knows it: the same id and the same key, which names the
     * repository or project too (issue 12 of another repository is another ticket).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<TrackerTicket> find(TrackerKind tracker, Tracker.RemoteTicket remote) {
        return em.createQuery("select t from TrackerTicket t where t.tracker = :tracker and t.remoteId = :remoteId"
                        + " and lower(t.ticketKey) = lower(:key) and t.state <> :pending", TrackerTicket.class)
                .setParameter("tracker", tracker).setParameter("remoteId", remote.remoteId())
                .setParameter("key", remote.key()).setParameter("pending", TrackerTicket.State.PENDING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /**
     * Applies what a webhook says of a ticket, if Debrief knows it: whether the action item changed, empty for a
     * ticket of no action item.
     */
    @Transactional
    Optional<Boolean> receive(TrackerKind tracker, Tracker.RemoteTicket remote) {
        return find(tracker, remote).map(ticket -> apply(ticket, remote));
    }

    /** Applies what the tracker says of the ticket; true when the action item changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean apply(TrackerTicket ticket, Tracker.RemoteTicket remote) {
        if (!ticket.isLinked() || !ticket.isNewer(remote.updatedAt(), remote.closed())) {
            return false;
        }
        boolean wasClosed = ticket.getState() == TrackerTicket.State.CLOSED;
        ticket.seen(remote.closed(), remote.closedAt(), remote.updatedAt());
        if (remote.closed() == wasClosed) {
            return false;
        }
        ActionItem item = em.find(ActionItem.class, ticket.getActionItemId());
        em.lock(item.getPostMortem(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = now();
        String where = ticket.getTracker().label() + " " + ticket.getTicketKey();
        ActionItemView before = ActionItemView.of(item);
        if (remote.closed() && item.getStatus().isOpen()) {
            Instant at = closeTime(remote.closedAt(), item, now);
            item.complete(at);
            em.flush();
            ActionItemView after = ActionItemView.of(item);
            audit.itemSynced("closed", before, after);
            new TrackerHistory(item.getId(), at, "closed in " + where).persist();
            completed.fire(new PostMortemEvents.ActionItemCompleted(after));
            return true;
        }
        if (!remote.closed() && item.getStatus() == ActionItemStatus.DONE) {
            item.reopen(now);
            em.flush();
            audit.itemSynced("reopened", before, ActionItemView.of(item));
            new TrackerHistory(item.getId(), remote.updatedAt() == null ? now : min(remote.updatedAt(), now),
                    "reopened in " + where).persist();
            return true;
        }
        return false;
    }

    /** The ticket's close time, kept between the incident's start and now (a tracker's clock may be ahead). */
    private static Instant closeTime(Instant closedAt, ActionItem item, Instant now) {
        Instant at = closedAt == null ? now : min(closedAt, now);
        Instant start = item.getPostMortem().getStartedAt();
        return at.isBefore(start) ? start : at;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
