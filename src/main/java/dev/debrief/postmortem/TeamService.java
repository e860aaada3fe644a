package dev.debrief.postmortem;

import dev.debrief.common.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** The teams admins keep (docs/api.md): add, rename, remove one no post-mortem or item belongs to. Audited. */
@ApplicationScoped
@Transactional
public class TeamService extends NamedList<Team> {

    @Inject
    Event<PostMortemEvents.TeamChanged> teamChanged;

    public TeamService() {
        super(Team.class, "team", "team", Team::new);
    }

    @Override
    protected void changed(NamedView team) {
        teamChanged.fire(new PostMortemEvents.TeamChanged(team));
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
        NamedView removed = team.view();
        team.delete();
        record("team.deleted", removed, null);
    }
}
