package dev.debrief.postmortem;

import dev.debrief.common.DebriefConfig;
import dev.debrief.common.InList;
import dev.debrief.common.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
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

    /** Items with their post-mortem and both teams, for the filters' conditions ({@link #narrow}). */
    private static final String ITEMS = "from ActionItem i join i.postMortem p left join i.team it left join p.team pt";

    /** An open item ({@link ActionItemStatus#OPEN_STATUSES}) in the queries' terms. */
    private static final String OPEN = "i.status in " + ActionItemStatus.OPEN_IN_HQL;

    private static final String OVERDUE_PUBLISHED = OPEN + " and i.dueDate < :day and p.status = :published";

    /** {@link PostMortem#isWriteUpOverdue} as a condition: a draft resolved longer than the window ago. */
    static final String WRITE_UP_OVERDUE = "p.status = :draft and p.resolvedAt < :threshold";

    /** How many ids one statement binds at most: PostgreSQL takes up to 32,767 parameters. */
    public static final int IDS_AT_ONCE = 1000;

    private static final String COMPLETED_BETWEEN =
            "i.status = :done and i.completedAt >= :from and i.completedAt <= :until";

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

    /** A draft whose write-up is past its due time. */
    public record OverdueWriteUp(Long postmortemId, String title, Instant dueAt) {
    }

    /** The day asked about and the last day of its week (the day itself or later). */
    public record Week(LocalDate day, LocalDate end) {
    }

    /**
     * Where an open item stands on a day of a {@link Week}, each with the order the board shows it in: overdue
     * ({@link ActionItem#isOverdue}: most days overdue first, so earliest due), due from the day to the week's end,
     * or later (or without a due date, last); then by rank and id.
     */
    public enum Due {
        OVERDUE("i.dueDate < :day", " order by i.dueDate, i.priority nulls last, i.id"),
        THIS_WEEK("i.dueDate >= :day and i.dueDate <= :weekEnd", " order by i.dueDate, i.priority nulls last, i.id"),
        LATER("(i.dueDate is null or i.dueDate > :weekEnd)",
                " order by i.dueDate nulls last, i.priority nulls last, i.id");

        private final String condition;
        private final String order;

        Due(String condition, String order) {
            this.condition = condition;
            this.order = order;
        }

        /** The parameters this condition binds: Hibernate refuses a parameter that the query does not name. */
        private Map<String, Object> params(Week week) {
            Map<String, Object> params = new HashMap<>();
            if (condition.contains(":day")) {
                params.put("day", week.day());
            }
            if (condition.contains(":weekEnd")) {
                params.put("weekEnd", week.end());
            }
            return params;
        }
    }

    /**
     * The open items one holder carries on a day (an owner, or a team): how many are overdue, due this week and
     * later. Holder "" is none.
     */
    public record Load(String holder, long overdue, long dueThisWeek, long later) {

        public long open() {
            return overdue + dueThisWeek + later;
        }

        Load plus(Load other) {
            return new Load(holder, overdue + other.overdue, dueThisWeek + other.dueThisWeek, later + other.later);
        }
    }

    /** The open items, with their post-mortems, earliest due first (then by id). */
    public List<ActionItem> openItems(Filter filter) {
        return items(OPEN, Map.of(), filter, " order by i.dueDate, i.id");
    }

    /**
     * The ids of the open items that stand {@code due} on the week's day, in the board's order: the {@code limit} of
     * them after the first {@code offset}. Ids first, the rows after ({@link #shown}): the database then
     * orders and cuts the section from an index, without reading every item and its post-mortem.
     */
    public List<Long> openIds(Due due, Week week, Filter filter, int offset, int limit) {
        return ids(OPEN + " and " + due.condition, due.params(week), filter, due.order, offset, limit);
    }

    /** The open items per owner and per owning team: {@link #openLoads}. */
    public record Loads(List<Load> owners, List<Load> teams) {
    }

    /**
     * The open items per owner (no owner as "") and per owning team (an item's own team, else its post-mortem's;
     * no team as ""), each split as {@link Due} on the week's day, in one statement that reads each open item once;
     * in no particular order. The owners' sums are the sizes of the three sections.
     */
    public Loads openLoads(Week week, Filter filter) {
        Where where = narrow(new Where(OPEN, Map.of("day", week.day(), "weekEnd", week.end())), filter, true);
        TypedQuery<Object[]> query = em.createQuery("select i.owner, coalesce(it.name, pt.name),"
                + " sum(case when " + Due.OVERDUE.condition + " then 1 else 0 end),"
                + " sum(case when " + Due.THIS_WEEK.condition + " then 1 else 0 end), count(i)"
                + " " + ITEMS + " where " + where.conditions() + " group by i.owner, coalesce(it.name, pt.name)",
                Object[].class);
        where.params().forEach(query::setParameter);
        Map<String, Load> owners = new HashMap<>();
        Map<String, Load> teams = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            long overdue = ((Number) row[2]).longValue();
            long thisWeek = ((Number) row[3]).longValue();
            long later = ((Number) row[4]).longValue() - overdue - thisWeek;
            String owner = row[0] == null ? "" : (String) row[0];
            String team = row[1] == null ? "" : (String) row[1];
            owners.merge(owner, new Load(owner, overdue, thisWeek, later), Load::plus);
            teams.merge(team, new Load(team, overdue, thisWeek, later), Load::plus);
        }
        return new Loads(List.copyOf(owners.values()), List.copyOf(teams.values()));
    }

    /**
     * The ids of the items completed from {@code from} to {@code until} (both included), ascending: the {@code limit}
     * of them after the first {@code offset}.
     */
    public List<Long> completedIds(Instant from, Instant until, Filter filter, int offset, int limit) {
        return ids(COMPLETED_BETWEEN, completedParams(from, until), filter, " order by i.id", offset, limit);
    }

    /**
     * An item as a list of items shows it (the board's rows): its own fields, its owning team (its own, else its
     * post-mortem's) and its post-mortem's id and title, read as values rather than entities.
     */
    public record Shown(long id, long postMortemId, String postMortemTitle, Integer priority, String title,
            String owner, String teamName, LocalDate dueDate, ActionItemStatus status, ActionItemKind kind) {

        public long daysOverdue(LocalDate today) {
            return status.daysOverdue(dueDate, today);
        }
    }

    /**
     * The items with these ids as {@link Shown}, by id: one statement per {@value #IDS_AT_ONCE} ids. Values, not
     * entities, since the callers only show them: nothing to hydrate beyond what a row shows (a post-mortem's
     * sections and words stay unread), and nothing the session must check for changes before later queries.
     */
    public Map<Long, Shown> shown(List<Long> ids) {
        Map<Long, Shown> items = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_AT_ONCE) {
            InList chunk = new InList("ids", ids.subList(from, Math.min(ids.size(), from + IDS_AT_ONCE)));
            chunk.bind(em.createQuery("select i.id, p.id, p.title, i.priority, i.title, i.owner,"
                            + " coalesce(it.name, pt.name), i.dueDate, i.status, i.kind " + ITEMS + " where i.id in "
                            + chunk.hql(), Shown.class))
                    .getResultList().forEach(item -> items.put(item.id(), item));
        }
        return items;
    }

    public long countCompletedBetween(Instant from, Instant until, Filter filter) {
        Where where = narrow(new Where(COMPLETED_BETWEEN, completedParams(from, until)), filter, true);
        TypedQuery<Long> query = em.createQuery("select count(i) " + ITEMS + " where " + where.conditions(),
                Long.class);
        where.params().forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static Map<String, Object> completedParams(Instant from, Instant until) {
        return Map.of("done", ActionItemStatus.DONE, "from", from, "until", until);
    }

    /**
     * The open items of published post-mortems that are overdue on {@code day} ({@link ActionItem#isOverdue}), as
     * their ids and the due dates they passed (what makes each overdue once), earliest due first.
     */
    public List<Overdue> overdue(LocalDate day) {
        return em.createQuery("select new " + Overdue.class.getName() + "(i.id, i.dueDate) from ActionItem i"
                        + " join i.postMortem p where " + OVERDUE_PUBLISHED + " order by i.dueDate, i.id",
                        Overdue.class)
                .setParameter("day", day).setParameter("published", PostMortemStatus.PUBLISHED).getResultList();
    }

    /** An overdue item, known by its id, and the due date it passed. */
    public record Overdue(Long id, LocalDate dueDate) {
    }

    public Set<Long> openItemIds() {
        return new HashSet<>(em.createQuery("select i.id from ActionItem i where " + OPEN, Long.class)
                .getResultList());
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

    /** The parameters of {@link #WRITE_UP_OVERDUE} at {@code moment}. */
    Map<String, Object> writeUpOverdue(Instant moment) {
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

    /** The join to the post-mortem is left out of the SQL when no filter reads it. */
    private List<Long> ids(String condition, Map<String, Object> params, Filter filter, String order, int offset,
            int limit) {
        Where where = narrow(new Where(condition, params), filter, true);
        TypedQuery<Long> query = em.createQuery("select i.id " + ITEMS + " where " + where.conditions() + order,
                Long.class);
        where.params().forEach(query::setParameter);
        if (offset > 0) {
            query.setFirstResult(offset);
        }
        if (limit < Integer.MAX_VALUE) {
            query.setMaxResults(limit);
        }
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
