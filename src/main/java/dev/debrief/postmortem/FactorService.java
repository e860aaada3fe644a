package dev.debrief.postmortem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.audit.AuditTrail;
import dev.debrief.audit.Changes;
import dev.debrief.audit.Subject;
import dev.debrief.common.ConflictException;
import dev.debrief.common.NotFoundException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The taxonomy of contributing factors (docs/api.md): admins add and rename factors; none is removed, so the
 * post-mortems that name one keep it. Audited.
 */
@ApplicationScoped
@Transactional
public class FactorService {

    private static final Set<String> DERIVED = Set.of("id", "version", "createdAt", "updatedAt");

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail trail;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FactorView> list() {
        return Factor.<Factor>listAll(Sort.ascending("nameKey")).stream().map(Factor::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FactorView get(long id) {
        return find(id, LockModeType.NONE).view();
    }

    public FactorView create(NameRequest request) {
        requireFree(request.name(), null);
        Factor factor = new Factor(request.name(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        factor.persist();
        em.flush();
        FactorView created = factor.view();
        record("factor.created", null, created);
        return created;
    }

    public FactorView rename(long id, NameRequest request) {
        Factor factor = find(id, LockModeType.PESSIMISTIC_WRITE);
        requireFree(request.name(), id);
        FactorView before = factor.view();
        factor.rename(request.name(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        em.flush();
        FactorView after = factor.view();
        if (!before.name().equals(after.name())) {
            record("factor.renamed", before, after);
        }
        return after;
    }

    private void requireFree(String name, Long except) {
        Factor holder = Factor.findByName(name);
        if (holder != null && !holder.getId().equals(except)) {
            throw new ConflictException("A contributing factor named '" + holder.getName() + "' already exists "
                    + "(names are compared whatever their case).");
        }
    }

    private Factor find(long id, LockModeType lock) {
        return Factor.<Factor>findByIdOptional(id, lock)
                .orElseThrow(() -> new NotFoundException("contributing factor", id));
    }

    private void record(String action, FactorView before, FactorView after) {
        FactorView subject = after == null ? before : after;
        trail.record(action, Subject.named("factor", subject.id(), subject.name()),
                Changes.between(fields(before), fields(after)));
    }

    private Map<String, String> fields(FactorView view) {
        return view == null ? Map.of() : Changes.fieldsOf(json, view, DERIVED);
    }
}
