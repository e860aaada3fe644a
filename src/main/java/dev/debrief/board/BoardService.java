package dev.debrief.board;

import dev.debrief.common.InList;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.QueryParams;
import dev.debrief.common.TeamCalendar;
import dev.debrief.postmortem.ActionItemTickets;
import dev.debrief.postmortem.OpenWork;
import dev.debrief.postmortem.TimeBounds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Builds the board with a fixed number of statements whatever the number of items: each section's first rows
 * (ordered and limited by the database), the sizes of the sections and the owners' loads in one aggregate, the
 * count of items done since the last review, the review history of the rows shown, the last review, and the
 * overdue write-ups. A section holds its first {@link Rows#FIRST} rows unless a caller asks for more; the rest
 * are read on demand with {@link #section}.
 */
@ApplicationScoped
public class BoardService {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TeamCalendar calendar;

    @Inject
    OpenWork work;

    @Inject
    ActionItemTickets tickets;

    /** How many rows of each section a board holds. */
    public record Rows(int each, BoardSection section, int sectionRows) {

        /** The rows each section shows unless asked for more: enough for a meeting, bounded for 5,000 items. */
        public static final int FIRST = 100;

        /** The first {@link #FIRST} rows of every section: the board's default. */
        public static final Rows FIRST_OF_EACH = new Rows(FIRST, null, FIRST);

        /** Every row of every section, for callers that go through all of them (reminders, the review's agenda). */
        public static final Rows ALL = new Rows(Integer.MAX_VALUE, null, Integer.MAX_VALUE);

        /** The first {@code rows} rows of {@code section}, and the first {@link #FIRST} of the others. */
        public static Rows more(BoardSection section, int rows) {
            return new Rows(FIRST, section, rows);
        }

        int of(BoardSection s) {
            return s == section ? sectionRows : each;
        }
    }

    /** The board's day: the moment it stands for, its week, and the review before the week with what it left. */
    private record Day(LocalDate asOf, Instant moment, LocalDate weekStart, OpenWork.Week week, Review lastReview,
            Instant doneCutoff) {

        Set<Long> notDiscussed() {
            return lastReview != null ? lastReview.notDiscussedItems() : Set.of();
        }
    }

    /** The review history of some items: how often each was re-dated, when last reviewed, and the last decision. */
    private record History(Map<Long, Object[]> reviewed, Map<Long, Decision> lastDecision,
            Map<Long, ActionItemTickets.Ticket> tickets) {
    }

    public LocalDate today() {
        return calendar.today();
    }

    /** The board's day from a query parameter: today (in the team's zone) when absent. */
    public LocalDate asOf(String value) {
        LocalDate day = QueryParams.parsed("asOf", value, today(), LocalDate::parse, "must be a date such as 2026-11-27");
        if (!TimeBounds.holds(day)) {
            throw InvalidFieldsException.of("asOf", TimeBounds.DAY_RANGE);
        }
        return day;
    }

    /** The board with the first {@link Rows#FIRST} rows of each section. */
    @Transactional
    public Board board(LocalDate asOf, OpenWork.Filter filter) {
        return board(asOf, filter, Rows.FIRST_OF_EACH);
    }

    @Transactional
    public Board board(LocalDate asOf, OpenWork.Filter filter, Rows rows) {
        return board(asOf, filter, rows, calendar.zone(), calendar.weekStart());
    }

    /** The board in a given zone and week start (the configured ones unless a test says otherwise). */
    @Transactional
    Board board(LocalDate asOf, OpenWork.Filter filter, Rows rows, ZoneId zone, DayOfWeek firstDay) {
        Day day = day(asOf, zone, firstDay);
        Map<BoardSection, List<Long>> ids = new EnumMap<>(BoardSection.class);
        for (BoardSection section : BoardSection.values()) {
            ids.put(section, ids(day, section, filter, 0, rows.of(section)));
        }
        List<Long> shown = ids.values().stream().flatMap(List::stream).toList();
        History history = history(shown);
        OpenWork.Loads both = work.openLoads(day.week(), filter);
        List<OpenWork.Load> loads = both.owners();
        long done = work.countCompletedBetween(day.doneCutoff(), day.moment(), filter);
        List<Board.WriteUpRow> writeUps = work.overdueWriteUps(day.moment(), filter).stream()
                .map(w -> new Board.WriteUpRow(w.postmortemId(), w.title(), w.dueAt(),
                        Duration.between(w.dueAt(), day.moment()).toHours()))
                .toList();
        Map<Long, OpenWork.Shown> items = work.shown(shown);
        Map<BoardSection, List<Board.ItemRow>> sections = new EnumMap<>(BoardSection.class);
        ids.forEach((section, inOrder) -> sections.put(section, rows(day, section, inOrder, items, history)));
        List<Board.OwnerLoad> owners = heaviestFirst(loads).stream()
                .map(l -> new Board.OwnerLoad(l.holder(), Math.toIntExact(l.overdue()), Math.toIntExact(l.open())))
                .toList();
        List<Board.TeamLoad> teams = heaviestFirst(both.teams()).stream()
                .map(l -> new Board.TeamLoad(l.holder(), Math.toIntExact(l.overdue()), Math.toIntExact(l.open())))
                .toList();
        Board.Counts counts = new Board.Counts(sum(loads, OpenWork.Load::overdue),
                sum(loads, OpenWork.Load::dueThisWeek), sum(loads, OpenWork.Load::later),
                Math.toIntExact(done), writeUps.size());
        return new Board(asOf, sections.get(BoardSection.OVERDUE), sections.get(BoardSection.DUE_THIS_WEEK),
                sections.get(BoardSection.LATER), sections.get(BoardSection.DONE_SINCE_LAST_REVIEW), writeUps,
                counts, owners, teams, day.weekStart(), day.week().end(),
                day.lastReview() == null ? null : day.lastReview().getWeek());
    }

    /**
     * The rows of one section from {@code offset} on, at most {@code limit} of them, in the board's order, with
     * how many the section has: the rows after a board's first ones. Seven statements at most.
     */
    @Transactional
    public Board.SectionRows section(LocalDate asOf, OpenWork.Filter filter, BoardSection section, int offset,
            int limit) {
        Day day = day(asOf, calendar.zone(), calendar.weekStart());
        List<Long> shown = ids(day, section, filter, offset, limit);
        long total = section.due() == null ? work.countCompletedBetween(day.doneCutoff(), day.moment(), filter)
                : work.openLoads(day.week(), filter).owners().stream().mapToLong(l -> switch (section.due()) {
                    case OVERDUE -> l.overdue();
                    case THIS_WEEK -> l.dueThisWeek();
                    case LATER -> l.later();
                }).sum();
        History history = history(shown);
        return new Board.SectionRows(section.key(), asOf, offset, limit, Math.toIntExact(total),
                rows(day, section, shown, work.shown(shown), history));
    }

    private Day day(LocalDate asOf, ZoneId zone, DayOfWeek firstDay) {
        Instant now = clock.instant();
        Instant moment = asOf.equals(now.atZone(zone).toLocalDate()) ? now
                : asOf.plusDays(1).atStartOfDay(zone).toInstant();
        LocalDate weekStart = asOf.with(TemporalAdjusters.previousOrSame(firstDay));
        Review lastReview = em.createQuery("select r from Review r where r.startedAt < :weekStart"
                        + " order by r.startedAt desc", Review.class)
                .setParameter("weekStart", weekStart.atStartOfDay(zone).toInstant())
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
        Instant doneCutoff = lastReview != null ? lastReview.getStartedAt()
                : asOf.minusDays(7).atStartOfDay(zone).toInstant();
        return new Day(asOf, moment, weekStart, new OpenWork.Week(asOf, weekStart.plusDays(6)), lastReview,
                doneCutoff);
    }

    private List<Long> ids(Day day, BoardSection section, OpenWork.Filter filter, int offset, int limit) {
        return section.due() == null
                ? work.completedIds(day.doneCutoff(), day.moment(), filter, offset, limit)
                : work.openIds(section.due(), day.week(), filter, offset, limit);
    }

    /** The rows in the order of {@code ids}; an item deleted since its id was read is left out. */
    private static List<Board.ItemRow> rows(Day day, BoardSection section, List<Long> ids,
            Map<Long, OpenWork.Shown> items, History history) {
        // Only the open items carry the mark of the last review: a done item needs no more discussion.
        Set<Long> notDiscussed = section.due() == null ? Set.of() : day.notDiscussed();
        return ids.stream().map(items::get).filter(Objects::nonNull)
                .map(item -> row(item, day.asOf(), history, notDiscussed)).toList();
    }

    /**
     * The history of the items shown. It is the board's own (postmortem/ cannot see ReviewDecision), so these
     * queries stay here; two statements for the rows of a board, a pair per {@link OpenWork#IDS_AT_ONCE} items.
     */
    private History history(List<Long> ids) {
        Map<Long, Object[]> reviewed = new HashMap<>();
        Map<Long, Decision> lastDecision = new HashMap<>();
        for (int from = 0; from < ids.size(); from += OpenWork.IDS_AT_ONCE) {
            InList chunk = new InList("ids", ids.subList(from, Math.min(ids.size(), from + OpenWork.IDS_AT_ONCE)));
            // REDATE is a literal: a parameter in the select list is inlined on H2, and Hibernate then translates
            // the query anew at every call.
            for (Object[] row : chunk.bind(em.createQuery("select d.actionItemId, sum(case when d.decision = "
                            + Decision.class.getName() + "." + Decision.REDATE.name() + " then 1 else 0 end),"
                            + " max(d.decidedAt) from ReviewDecision d where d.actionItemId in " + chunk.hql()
                            + " group by d.actionItemId", Object[].class))
                    .getResultList()) {
                reviewed.put((Long) row[0], row);
            }
            for (Object[] row : chunk.bind(em.createQuery("select d.actionItemId, d.decision from ReviewDecision d"
                            + " where d.actionItemId in " + chunk.hql() + " and d.decidedAt = (select max(d2.decidedAt)"
                            + " from ReviewDecision d2 where d2.actionItemId = d.actionItemId) order by d.id",
                            Object[].class))
                    .getResultList()) {
                lastDecision.put((Long) row[0], (Decision) row[1]);
            }
        }
        return new History(reviewed, lastDecision, tickets.forItems(ids));
    }

    /** Who carries the most overdue items first, then the most open ones, then by name. */
    private static List<OpenWork.Load> heaviestFirst(List<OpenWork.Load> loads) {
        return loads.stream().sorted(Comparator.comparingLong(OpenWork.Load::overdue).reversed()
                .thenComparing(Comparator.comparingLong(OpenWork.Load::open).reversed())
                .thenComparing(OpenWork.Load::holder)).toList();
    }

    private static int sum(List<OpenWork.Load> loads, ToLongFunction<OpenWork.Load> count) {
        return Math.toIntExact(loads.stream().mapToLong(count).sum());
    }

    private static Board.ItemRow row(OpenWork.Shown item, LocalDate asOf, History history, Set<Long> notDiscussed) {
        Object[] reviewed = history.reviewed().get(item.id());
        return new Board.ItemRow(item.id(), item.postMortemId(), item.postMortemTitle(), item.priority(),
                item.title(), item.owner(), item.teamName(), item.dueDate(), item.status(), item.kind(),
                item.daysOverdue(asOf), reviewed == null ? 0 : ((Number) reviewed[1]).longValue(),
                reviewed == null ? null : (Instant) reviewed[2], history.lastDecision().get(item.id()),
                notDiscussed.contains(item.id()), history.tickets().get(item.id()));
    }
}
