package dev.debrief.postmortem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Open work counted per owning team (an item's own team, else its post-mortem's), for the Prometheus gauges: one
 * statement each, with the same rules for "open", "overdue" and "write-up overdue" as {@link OpenWork}.
 */
@ApplicationScoped
public class TeamFigures {

    /** One team's figure; {@code team} is null for what belongs to no team. */
    public record TeamCount(String team, long count) {
    }

    /** How many items of one status one team owns; {@code team} is null for items of no team. */
    public record TeamStatusCount(String team, ActionItemStatus status, long count) {
    }

    @Inject
    EntityManager em;

    @Inject
    OpenWork work;

    /** The items per owning team and status, in one statement; statuses no item has are left out. */
    public List<TeamStatusCount> countItemsByTeam() {
        return em.createQuery("select coalesce(it.name, pt.name), i.status, count(i) from ActionItem i"
                        + " join i.postMortem p left join i.team it left join p.team pt"
                        + " group by coalesce(it.name, pt.name), i.status", Object[].class)
                .getResultList().stream()
                .map(row -> new TeamStatusCount((String) row[0], (ActionItemStatus) row[1], (Long) row[2])).toList();
    }

    /**
     * How many items are overdue on {@code day} per owning team: the query form of {@link ActionItem#isOverdue}.
     */
    public List<TeamCount> countOverdueItemsByTeam(LocalDate day) {
        return teamCounts(em.createQuery("select coalesce(it.name, pt.name), count(i) from ActionItem i"
                        + " join i.postMortem p left join i.team it left join p.team pt"
                        + " where i.status in " + ActionItemStatus.OPEN_IN_HQL + " and i.dueDate < :day"
                        + " group by coalesce(it.name, pt.name)",
                        Object[].class)
                .setParameter("day", day));
    }

    /** How many write-ups are overdue at {@code moment}, per owning team. */
    public List<TeamCount> countOverdueWriteUpsByTeam(Instant moment) {
        TypedQuery<Object[]> query = em.createQuery("select pt.name, count(p) from PostMortem p left join p.team pt"
                + " where " + OpenWork.WRITE_UP_OVERDUE + " group by pt.name", Object[].class);
        work.writeUpOverdue(moment).forEach(query::setParameter);
        return teamCounts(query);
    }

    private static List<TeamCount> teamCounts(TypedQuery<Object[]> query) {
        return query.getResultList().stream().map(row -> new TeamCount((String) row[0], (Long) row[1])).toList();
    }
}
