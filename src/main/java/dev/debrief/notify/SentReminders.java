package dev.debrief.notify;

import dev.debrief.common.Database;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The ledger of reminders sent, keyed by reminder and channel. Claiming inserts the key in its own
 * transaction, so of two instances racing for one reminder only one succeeds (primary key, {@code on conflict do
 * nothing}: the loser gets no row and nobody logs an error); a send that fails releases its claim so that a later
 * run tries again.
 */
@ApplicationScoped
public class SentReminders {

    @Inject
    EntityManager em;

    @Inject
    Database database;

    /** A claim older than this without a send is taken to be from an instance that died while sending. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);

    /**
     * True when this caller now owns the reminder; false when it was sent, or claimed by another instance in
     * the last ten minutes. An older unsent claim (its instance died mid-send) is taken over.
     */
    public boolean claim(String key, Instant now) {
        if (exists(key)) {
            return takeOverStale(key, now);
        }
        try {
            int inserted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "insert into sent_reminder (reminder_key, claimed_at) values (:key, :now)"
                                    + database.onConflictDoNothing())
                    .setParameter("key", key).setParameter("now", stored(now)).executeUpdate());
            return inserted == 1;
        } catch (RuntimeException e) {
            if (Database.isConstraintViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private boolean takeOverStale(String key, Instant now) {
        int taken = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "update sent_reminder set claimed_at = :now where reminder_key = :key and sent_at is null"
                                + " and claimed_at < :stale")
                .setParameter("key", key).setParameter("now", stored(now))
                .setParameter("stale", now.minus(STALE_CLAIM).atOffset(ZoneOffset.UTC)).executeUpdate());
        return taken == 1;
    }

    public void markSent(String key, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update sent_reminder set sent_at = :now where reminder_key = :key")
                .setParameter("key", key).setParameter("now", now.atOffset(ZoneOffset.UTC)).executeUpdate());
    }

    /**
     * Gives up the claim made at {@code claimedAt}, so that a later run tries again; a claim another instance has taken
     * over since stays theirs.
     */
    public void release(String key, Instant claimedAt) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from sent_reminder where reminder_key = :key and sent_at is null"
                                + " and claimed_at = :claimed")
                .setParameter("key", key).setParameter("claimed", stored(claimedAt)).executeUpdate());
    }

    /** The instant as the column keeps it (to the microsecond), so that a claim can be recognised by it. */
    private static OffsetDateTime stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private boolean exists(String key) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                        "select 1 from sent_reminder where reminder_key = :key")
                .setParameter("key", key).getResultList().isEmpty());
    }
}
