package dev.debrief.tracker;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/**
 * The reconcile job's lease in the database: a conditional update that one caller wins while the last holder's time
 * is over, whatever the number of instances; the winner holds it for most of a period, so the job runs once per
 * period across instances.
 */
@ApplicationScoped
class ReconcileLease {

    @Inject
    EntityManager em;

    /** Whether this caller took the lease, now held until {@code until}. */
    boolean take(Instant now, Instant until) {
        String holder = UUID.randomUUID().toString();
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update tracker_lease"
                        + " set holder = :holder, held_until = :until where name = 'reconcile' and held_until <= :now")
                .setParameter("holder", holder).setParameter("until", until).setParameter("now", now)
                .executeUpdate() == 1);
    }
}
