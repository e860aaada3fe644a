package dev.debrief.postmortem;

import dev.debrief.common.DebriefConfig;
import dev.debrief.common.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The queries for follow-up work still to do, in one place for the board, its review, calendar feed and gauges:
 * what "open" ({@link ActionItemStatus#OPEN_STATUSES}), "overdue" ({@link ActionItem#isOverdue}) and "write-up
 * overdue" ({@link PostMortem#isWriteUpOverdue}, with the configured window) mean, said as queries. Callers bring
 * the transaction and the day or instant they ask about.
 */
@ApplicationScoped
public class OpenWork {

    /** {@link PostMortem#isWriteUpOverdue} as a condition: a draft resolved longer than the window ago. */
    private static final String WRITE_UP_OVERDUE = "p.status = :draft and p.resolvedAt < :threshold";

    @Inject
    EntityManager em;

    @Inject
    DebriefConfig config;

    /**
     * Which post-mortems and items to look at; null or blank means "all". Owners, teams and tags match whatever
     * their case; an item belongs to its own team, else to its post-mortem's.
     */
    public record Filter(String owner, String service, Severity severity, ActionItemKind kind, String team,
            String tag) {

        public static final Filter NONE = new Filter(null, null, null, null, null, null);
    }

    /** One team's figure; {@code team} is null for what belongs to no team. */
    public record TeamCount(String team, long count) {
    }

    /** How many items of one status one team owns; {@code team} is null for items of no team. */
    public record TeamStatusCount(String team, ActionItemStatus status, long count) {
    }

    /** A draft whose write-up is past its due time. */
    public record OverdueWriteUp(Long postmortemId, String title, Instant dueAt) {
    }

    /** The open items, with their post-mortems, earliest due first (then by id). */
    public List<ActionItem> openItems(Filter filter) {
        return items("i.status in :open", Map.of("open", ActionItemStatus.OPEN_STATUSES), filter,
                " order by i.dueDate, i.id");
    }

    /** The items completed from {@code from} to {@code until} (both included), with their post-mortems. */
    public List<ActionItem> completedBetween(Instant from, Instant until, Filter filter) {
        return items("i.status = :done and i.completedAt >= :from and i.completedAt <= :until",
                Map.of("done", ActionItemStatus.DONE, "from", from, "until", until), filter, "");
    }

    /**
     * The open items of published post-mortems that are overdue on {@code day} ({@link ActionItem#isOverdue}), with
     * their post-mortems, earliest due first.
     */
    public List<ActionItem> overdueItems(LocalDate day) {
        return items("i.status in :open and i.dueDate < :day and p.status = :published",
                Map.of("open", ActionItemStatus.OPEN_STATUSES, "day", day, "published", PostMortemStatus.PUBLISHED),
                Filter.NONE, " order by i.dueDate, i.id");
    }

    public Set<Long> openItemIds() {
        return new HashSet<>(em.createQuery("select i.id from ActionItem i where i.status in :open", Long.class)
                .setParameter("open", ActionItemStatus.OPEN_STATUSES).getResultList());
    }

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
                        + " where i.status in :open and i.dueDate < :day group by coalesce(it.name, pt.name)",
                        Object[].class)
                .setParameter("open", ActionItemStatus.OPEN_STATUSES).setParameter("day", day));
    }

    /** The write-ups overdue at {@code moment}, the longest overdue first. */
    public List<OverdueWriteUp> overdueWriteUps(Instant moment, Filter filter) {
        Where where = narrow(new Where(WRITE_UP_OVERDUE, writeUpOverdue(moment)), filter, false);
        TypedQuery<PostMortem> query = em.createQuery("select p from PostMortem p left join fetch p.team pt where "
                + where.conditions()
                + " order by p.resolvedAt", PostMortem.class);
        where.params().forEach(query::setParameter);
        return query.getResultList().stream()
                .map(pm -> new OverdueWriteUp(pm.getId(), pm.getTitle(), pm.writeUpDueAt(config.writeUpWindow())))
                .toList();
    }

    /** How many write-ups are overdue at {@code moment}, per owning team. */
    public List<TeamCount> countOverdueWriteUpsByTeam(Instant moment) {
        TypedQuery<Object[]> query = em.createQuery("select pt.name, count(p) from PostMortem p left join p.team pt"
                + " where " + WRITE_UP_OVERDUE + " group by pt.name", Object[].class);
        writeUpOverdue(moment).forEach(query::setParameter);
        return teamCounts(query);
    }

    private static List<TeamCount> teamCounts(TypedQuery<Object[]> query) {
        return query.getResultList().stream().map(row -> new TeamCount((String) row[0], (Long) row[1])).toList();
    }

    private Map<String, Object> writeUpOverdue(Instant moment) {
        return Map.of("draft", PostMortemStatus.DRAFT, "threshold", moment.minus(config.writeUpWindow()));
    }

    private List<ActionItem> items(String condition, Map<String, Object> params, Filter filter, String order) {
        Where where = narrow(new Where(condition, params), filter, true);
        // The teams come with the rows, so the board stays at a fixed number of statements.
        TypedQuery<ActionItem> query = em.createQuery("select i from ActionItem i join fetch i.postMortem p"
                + " left join fetch i.team it left join fetch p.team pt where " + where.conditions() + order,
                ActionItem.class);
        where.params().forEach(query::setParameter);
        return query.getResultList();
    }

    private static Where narrow(Where where, Filter filter, boolean items) {
        Filter f = filter == null ? Filter.NONE : filter;
        where.filter("p.severity = :severity", "severity", f.severity())
                .filterText(":service member of p.services", "service", f.service())
                .filterText(":tag member of p.tags", "tag", f.tag(), IncidentDocument::tag)
                .filterText(items ? "coalesce(it.nameKey, pt.nameKey) = :team" : "pt.nameKey = :team", "team",
                        f.team(), Team::keyOf);
        if (items) {
            where.filterText("lower(i.owner) = :owner", "owner", f.owner(), owner -> owner.toLowerCase(Locale.ROOT))
                    .filter("i.kind = :kind", "kind", f.kind());
        }
        return where;
    }
}
