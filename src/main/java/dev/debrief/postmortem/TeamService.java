package dev.debrief.postmortem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.audit.AuditTrail;
import dev.debrief.audit.Changes;
import dev.debrief.audit.Subject;
import dev.debrief.common.ConflictException;
import dev.debrief.common.NotFoundException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The teams admins keep (docs/api.md): add, rename, remove one no post-mortem or item belongs to. Audited. */
@ApplicationScoped
@Transactional
public class TeamService {

    private static final Set<String> DERIVED = Set.of("id", "version", "createdAt", "updatedAt");

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail trail;

    @Inject
    ObjectMapper json;

    @Inject
    Event<PostMortemEvents.TeamChanged> changed;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TeamView> list() {
        return Team.<Team>listAll(Sort.ascending("nameKey")).stream().map(Team::view).toList();
    }

    /** The teams' names, in order, for the pages' choices. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> names() {
        return list().stream().map(TeamView::name).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TeamView get(long id) {
        return find(id, LockModeType.NONE).view();
    }

    public TeamView create(NameRequest request) {
        requireFree(request.name(), null);
        Team team = new Team(request.name(), now());
        team.persist();
        em.flush();
        TeamView created = team.view();
        record("team.created", null, created);
        return created;
    }

    public TeamView rename(long id, NameRequest request) {
        Team team = find(id, LockModeType.PESSIMISTIC_WRITE);
        requireFree(request.name(), id);
        TeamView before = team.view();
        team.rename(request.name(), now());
        em.flush();
        TeamView after = team.view();
        if (!before.name().equals(after.name())) {
            record("team.renamed", before, after);
        }
        return after;
    }

    /**
     * Removes a team that owns nothing. A team that still owns post-mortems or action items is refused with a 409
     * saying how many, so ownership is never dropped silently: move them to another team first.
     */
    public void delete(long id) {
        Team team = find(id, LockModeType.PESSIMISTIC_WRITE);
        long postMortems = em.createQuery("select count(p) from PostMortem p where p.team = :team", Long.class)
                .setParameter("team", team).getSingleResult();
        long items = em.createQuery("select count(i) from ActionItem i where i.team = :team", Long.class)
                .setParameter("team", team).getSingleResult();
        if (postMortems + items > 0) {
            throw new ConflictException("The team '" + team.getName() + "' still owns " + postMortems
                    + " post-mortem(s) and " + items + " action item(s); give them to another team (or none) "
                    + "before removing it.");
        }
        TeamView removed = team.view();
        team.delete();
        record("team.deleted", removed, null);
    }

    private void requireFree(String name, Long except) {
        Team holder = Team.findByName(name);
        if (holder != null && !holder.getId().equals(except)) {
            throw new ConflictException("A team named '" + holder.getName() + "' already exists (names are compared "
                    + "whatever their case).");
        }
    }

    private Team find(long id, LockModeType lock) {
        return Team.<Team>findByIdOptional(id, lock).orElseThrow(() -> new NotFoundException("team", id));
    }

    private void record(String action, TeamView before, TeamView after) {
        TeamView subject = after == null ? before : after;
        trail.record(action, Subject.named("team", subject.id(), subject.name()),
                Changes.between(fields(before), fields(after)));
        changed.fire(new PostMortemEvents.TeamChanged(subject));
    }

    private Map<String, String> fields(TeamView view) {
        return view == null ? Map.of() : Changes.fieldsOf(json, view, DERIVED);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
