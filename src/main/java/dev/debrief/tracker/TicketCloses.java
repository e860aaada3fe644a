package dev.debrief.tracker;

import dev.debrief.common.DebriefConfig;
import dev.debrief.postmortem.ActionItem;
import dev.debrief.postmortem.ActionItemStatus;
import dev.debrief.postmortem.ActionItemView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database steps of closing tickets from Debrief: the close is written in the transaction of the decision; the
 * closer then claims it, records the comment and the close, each in a short transaction of its own, so that none
 * stays open while a tracker is called. One caller wins each claim, on one instance or several; a claim left by an
 * instance that died is taken over after {@code debrief.tracker.claim-timeout}.
 */
@ApplicationScoped
class TicketCloses {

    @Inject
    EntityManager em;

    @Inject
    DebriefConfig config;

    @Inject
    Clock clock;

    @Inject
    Trackers trackers;

    /** A close this caller now owns: the ticket, the comment, and what earlier attempts did. */
    record Claimed(long closeId, String token, TrackerKind tracker, String remoteId, String ticketKey,
            long actionItemId, boolean completed, String comment, String marker, boolean commented,
            boolean lookUpFirst) {
    }

    /**
     * Owes the tracker a comment and a close of the item's ticket, if it has one open in a configured tracker; the
     * comment says what {@code where} did to the item, and {@code who} (such as "decided by erin", or empty), and
     * links back. A close still waiting for the tracker is restated instead, so that it says what the item is now. A
     * ticket the tracker closed already is left alone: its close came from the tracker.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void owe(ActionItemView item, String where, String who) {
        Optional<TrackerTicket> ticket = TrackerTicket.<TrackerTicket>find("actionItemId", item.id())
                .firstResultOptional();
        if (ticket.isEmpty() || ticket.get().getState() != TrackerTicket.State.OPEN
                || !trackers.of(ticket.get().getTracker()).map(t -> t.holds(ticket.get().getTicketKey()))
                        .orElse(false)) {
            return;
        }
        boolean done = item.draft().status() == ActionItemStatus.DONE;
        String by = who == null || who.isBlank() ? "" : ", " + who;
        String link = config.publicUrl().toString().replaceAll("/+$", "") + "/postmortems/" + item.postmortemId();
        String text = done
                ? "Done in Debrief: " + where + " marked this action item done" + by + "."
                : "Dropped in Debrief: " + where + " dropped this action item" + by + ".\n\nReason: "
                        + item.draft().dropReason();
        TicketClose.Outcome outcome = done ? TicketClose.Outcome.DONE : TicketClose.Outcome.DROPPED;
        Optional<TicketClose> waiting = TicketClose.<TicketClose>find("ticketId = ?1 and status = ?2",
                ticket.get().getId(), TicketClose.Status.PENDING).firstResultOptional();
        if (waiting.isPresent()) {
            waiting.get().restate(outcome, text + "\n\nPost-mortem: " + link);
        } else {
            new TicketClose(ticket.get().getId(), outcome, text + "\n\nPost-mortem: " + link, now()).persist();
        }
    }

    /** The closes due now that nobody holds, the oldest first. */
    List<Long> due(int limit) {
        Instant now = now();
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select c.id from TicketClose c"
                        + " where c.status = :pending and c.nextAttemptAt <= :now"
                        + " and (c.claimedAt is null or c.claimedAt < :stale) order by c.nextAttemptAt, c.id",
                        Long.class)
                .setParameter("pending", TicketClose.Status.PENDING).setParameter("now", now)
                .setParameter("stale", stale(now)).setMaxResults(limit).getResultList());
    }

    /**
     * The close, if this caller won it and its item is still done or dropped (an item opened again meanwhile owes
     * the tracker nothing: the close is dropped).
     */
    Optional<Claimed> claim(long closeId) {
        String token = UUID.randomUUID().toString();
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = now();
            int won = em.createQuery("update TicketClose c set c.claimedAt = :now, c.claimToken = :token,"
                            + " c.attempts = c.attempts + 1 where c.id = :id and c.status = :pending"
                            + " and c.nextAttemptAt <= :now and (c.claimedAt is null or c.claimedAt < :stale)")
                    .setParameter("now", now).setParameter("token", token).setParameter("id", closeId)
                    .setParameter("pending", TicketClose.Status.PENDING).setParameter("stale", stale(now))
                    .executeUpdate();
            if (won != 1) {
                return Optional.<Claimed>empty();
            }
            TicketClose close = em.find(TicketClose.class, closeId);
            em.refresh(close);
            TrackerTicket ticket = em.find(TrackerTicket.class, close.getTicketId());
            ActionItem item = em.find(ActionItem.class, ticket.getActionItemId());
            if (item.getStatus().isOpen()) {
                close.delete();
                return Optional.<Claimed>empty();
            }
            return Optional.of(new Claimed(closeId, token, ticket.getTracker(), ticket.getRemoteId(),
                    ticket.getTicketKey(), ticket.getActionItemId(), close.getOutcome() == TicketClose.Outcome.DONE,
                    close.comment(), close.marker(), close.getCommentedAt() != null,
                    close.getAttempts() > 1 && close.getCommentedAt() == null));
        });
    }

    /** The comment is on the ticket, if the claim still holds. */
    void commented(Claimed claimed) {
        QuarkusTransaction.requiringNew().run(() -> held(claimed).ifPresent(close -> close.commented(now())));
    }

    /** The ticket is closed: the close is done, the ticket's state is recorded, and the item's history says so. */
    void closed(Claimed claimed, Tracker.RemoteTicket remote) {
        QuarkusTransaction.requiringNew().run(() -> held(claimed).ifPresent(close -> {
            Instant now = now();
            close.closed(now);
            TrackerTicket ticket = em.find(TrackerTicket.class, close.getTicketId(), LockModeType.PESSIMISTIC_WRITE);
            if (remote.closed()) {
                ticket.seen(true, remote.closedAt(), remote.updatedAt());
            }
            new TrackerHistory(claimed.actionItemId(), now, "commented on and closed " + where(claimed)).persist();
        }));
    }

    /** Records a failed attempt and ends the claim; after the last attempt the item's history says it failed. */
    void failed(Claimed claimed, String error) {
        QuarkusTransaction.requiringNew().run(() -> held(claimed).ifPresent(close -> {
            Instant now = now();
            close.failed(error, now, new RetryWaits(config.tracker().retryWaits(), config.tracker().maxAttempts()));
            if (close.getStatus() == TicketClose.Status.FAILED) {
                new TrackerHistory(claimed.actionItemId(), now, "could not close " + where(claimed) + ": " + error)
                        .persist();
            }
        }));
    }

    private Optional<TicketClose> held(Claimed claimed) {
        return Optional.ofNullable(em.find(TicketClose.class, claimed.closeId(), LockModeType.PESSIMISTIC_WRITE))
                .filter(close -> close.isClaimedBy(claimed.token()));
    }

    private static String where(Claimed claimed) {
        return claimed.tracker().label() + " " + claimed.ticketKey();
    }

    private Instant stale(Instant now) {
        return now.minus(config.tracker().claimTimeout());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
