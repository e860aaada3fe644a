package dev.debrief.tracker;

import dev.debrief.common.ConflictException;
import dev.debrief.common.DebriefConfig;
import dev.debrief.common.NotFoundException;
import dev.debrief.postmortem.ActionItem;
import dev.debrief.postmortem.ActionItemTickets;
import dev.debrief.postmortem.PostMortem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The steps of opening a ticket that touch the database, each in a transaction of its own so that none stays open
 * while a tracker is called. The intent is stored and claimed before the call: one caller wins each creation, on one
 * instance or several, and a claim left by an instance that died is taken over after
 * {@code debrief.tracker.claim-timeout}.
 */
@ApplicationScoped
class TicketClaims {

    @Inject
    EntityManager em;

    @Inject
    DebriefConfig config;

    @Inject
    Clock clock;

    @Inject
    TicketStates states;

    /** A creation this caller now owns: what to open where, and whether an earlier attempt may have opened it. */
    record Claimed(long ticketId, String token, TrackerKind tracker, Tracker.NewTicket ticket, boolean lookUpFirst) {
    }

    /** What asking for an item's ticket found: the ticket already linked, or a creation to carry out. */
    record Begun(ActionItemTickets.Ticket existing, Claimed claimed) {
    }

    /**
     * The item's linked ticket, or the claim of its creation: the intent is stored if there is none yet (for
     * {@code tracker}), and an intent left by an earlier attempt is taken up again.
     */
    Begun begin(long postmortemId, long itemId, TrackerKind tracker) {
        String token = UUID.randomUUID().toString();
        return QuarkusTransaction.requiringNew().call(() -> {
            PostMortem pm = PostMortem.<PostMortem>findByIdOptional(postmortemId)
                    .orElseThrow(() -> new NotFoundException("post-mortem", postmortemId));
            ActionItem item = pm.actionItem(itemId);
            Optional<TrackerTicket> found = find(itemId);
            if (found.isPresent() && found.get().isLinked()) {
                return new Begun(found.get().view(), null);
            }
            if (!item.getStatus().isOpen()) {
                throw new ConflictException("Action item " + itemId + " is " + item.getStatus()
                        + "; tickets are opened for open items only.");
            }
            if (found.isEmpty()) {
                TrackerTicket intent = new TrackerTicket(itemId, tracker, now(), token, false);
                intent.persist();
                em.flush();
                return new Begun(null, claimed(intent, token, item, false));
            }
            TrackerTicket intent = found.get();
            boolean triedBefore = intent.getAttempts() > 0;
            if (!claim(intent.getId(), token)) {
                throw new ConflictException("A ticket for action item " + itemId
                        + " is being opened right now; ask again in a moment.");
            }
            return new Begun(null, claimed(intent, token, item, triedBefore));
        });
    }

    /** The intents due for another attempt (made on publishing), the oldest first, that nobody holds. */
    List<Long> due(int limit) {
        Instant now = now();
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select t.id from TrackerTicket t"
                        + " where t.state = :pending and t.nextAttemptAt <= :now"
                        + " and (t.claimedAt is null or t.claimedAt < :stale) order by t.nextAttemptAt, t.id", Long.class)
                .setParameter("pending", TrackerTicket.State.PENDING).setParameter("now", now)
                .setParameter("stale", stale(now)).setMaxResults(limit).getResultList());
    }

    /** The claim of a due intent, if this caller won it and the item is still open. */
    Optional<Claimed> claimDue(long ticketId) {
        String token = UUID.randomUUID().toString();
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!claim(ticketId, token)) {
                return Optional.<Claimed>empty();
            }
            TrackerTicket intent = em.find(TrackerTicket.class, ticketId);
            em.refresh(intent);
            ActionItem item = em.find(ActionItem.class, intent.getActionItemId());
            if (!item.getStatus().isOpen()) {
                // Done or dropped before its ticket could be opened: nothing is left to track.
                intent.delete();
                return Optional.<Claimed>empty();
            }
            return Optional.of(claimed(intent, token, item, intent.getAttempts() > 1));
        });
    }

    /** Links the ticket the tracker answered with, and applies its state if it is closed already. */
    ActionItemTickets.Ticket link(Claimed claimed, Tracker.RemoteTicket remote) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrackerTicket ticket = em.find(TrackerTicket.class, claimed.ticketId(), LockModeType.PESSIMISTIC_WRITE);
            if (ticket == null) {
                // The item or its post-mortem was deleted while the tracker was asked, and its ticket row with it.
                throw new NotFoundException("The action item was deleted while its ticket was being opened; "
                        + claimed.tracker().label() + " " + remote.key() + " stays there, linked to nothing: close "
                        + "it there if it is not wanted.");
            }
            if (ticket.isClaimedBy(claimed.token())) {
                ticket.link(remote.closed() ? new Tracker.RemoteTicket(remote.remoteId(), remote.key(),
                        remote.url(), false, null, null) : remote);
                if (remote.closed()) {
                    states.apply(ticket, remote);
                }
            }
            return ticket.view();
        });
    }

    /** Records a failed attempt and ends the claim, if it still holds. */
    void failed(Claimed claimed, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            TrackerTicket ticket = em.find(TrackerTicket.class, claimed.ticketId(), LockModeType.PESSIMISTIC_WRITE);
            if (ticket != null && ticket.isClaimedBy(claimed.token())) {
                ticket.failed(error, now(), new RetryWaits(config.tracker().retryWaits(),
                        config.tracker().maxAttempts()));
            }
        });
    }

    private boolean claim(long ticketId, String token) {
        Instant now = now();
        return em.createQuery("update TrackerTicket t set t.claimedAt = :now, t.claimToken = :token,"
                        + " t.attempts = t.attempts + 1 where t.id = :id and t.state = :pending"
                        + " and (t.claimedAt is null or t.claimedAt < :stale)")
                .setParameter("now", now).setParameter("token", token).setParameter("id", ticketId)
                .setParameter("pending", TrackerTicket.State.PENDING).setParameter("stale", stale(now))
                .executeUpdate() == 1;
    }

    private Claimed claimed(TrackerTicket intent, String token, ActionItem item, boolean lookUpFirst) {
        PostMortem pm = item.getPostMortem();
        String link = config.publicUrl().toString().replaceAll("/+$", "") + "/postmortems/" + pm.getId();
        String body = "Action item " + item.getPriority() + " of the post-mortem \"" + pm.getTitle() + "\".\n\n"
                + "- Rank: " + item.getPriority() + "\n"
                + "- Owner: " + (item.getOwner() == null ? "not set" : item.getOwner()) + "\n"
                + "- Due: " + (item.getDueDate() == null ? "not set" : item.getDueDate()) + "\n"
                + "- Post-mortem: " + link + "\n\n"
                + "Closing this ticket marks the action item done in Debrief; reopening it opens the item again.\n\n"
                + "Debrief reference: " + intent.getMarker() + "\n";
        return new Claimed(intent.getId(), token, intent.getTracker(),
                new Tracker.NewTicket(item.getTitle(), body, intent.getMarker()), lookUpFirst);
    }

    private Optional<TrackerTicket> find(long itemId) {
        return TrackerTicket.<TrackerTicket>find("actionItemId", itemId).firstResultOptional();
    }

    private Instant stale(Instant now) {
        return now.minus(config.tracker().claimTimeout());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
