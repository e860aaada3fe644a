package dev.debrief.audit;

import dev.debrief.common.CurrentUser;
import dev.debrief.common.ResultPage;
import dev.debrief.common.Where;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The audit trail: who changed what, when. A change is recorded in the transaction that makes it, so the event is
 * stored exactly when the change is; nothing in the application updates or deletes an event.
 */
@ApplicationScoped
public class AuditTrail {

    /** Who acts when no person does: start-up, scheduled jobs. */
    public static final String SYSTEM = "system";

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private static final Sort NEWEST_FIRST = Sort.descending("at").and("id", Sort.Direction.Descending);

    @Inject
    Clock clock;

    @Inject
    CurrentUser currentUser;

    /** Records a change by the person behind this request, as part of the transaction that makes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, Subject subject, List<Change> changes) {
        new AuditEvent(now(), actor(), action, subject, null, changes).persist();
    }

    /**
     * Records a change made on behalf of {@code actor}, in the transaction that makes it: for changes made while a
     * person is being signed in, before the request has a signed-in user.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(String actor, String action, Subject subject, List<Change> changes) {
        new AuditEvent(now(), actor, action, subject, null, changes).persist();
    }

    /** Records a sign-in, successful or not, in a transaction of its own (a refused sign-in changes nothing else). */
    public void signIn(String username, String address, boolean succeeded) {
        try {
            QuarkusTransaction.requiringNew().run(() -> new AuditEvent(now(), username,
                    succeeded ? "sign-in.succeeded" : "sign-in.failed", Subject.user(username), address, List.of())
                    .persist());
        } catch (RuntimeException e) {
            // The sign-in's answer does not wait on the trail: a database that cannot take the row is logged.
            LOG.errorf(e, "Could not record a sign-in of '%s' from %s in the audit trail", username, address);
        }
    }

    /** A post-mortem's history, its action items' included, newest first; it outlives the post-mortem. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> historyOf(long postmortemId) {
        return AuditEvent.<AuditEvent>find("subject.postmortemId", NEWEST_FIRST, postmortemId).list().stream()
                .map(AuditEvent::toEntry).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasHistory(long postmortemId) {
        return AuditEvent.count("subject.postmortemId", postmortemId) > 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<AuditEntry> search(AuditSearch search) {
        Where where = search.where();
        return ResultPage.of(AuditEvent.find(where.conditions(), NEWEST_FIRST, where.params()), search.page(),
                search.size(), AuditEvent::toEntry);
    }

    private String actor() {
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        String name = currentUser.name();
        return name.isEmpty() ? SYSTEM : name;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
