package dev.debrief.board;

import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.QueryParams;
import dev.debrief.common.TeamCalendar;
import dev.debrief.postmortem.ActionItem;
import dev.debrief.postmortem.ActionItemStatus;
import dev.debrief.postmortem.ActionItemTickets;
import dev.debrief.postmortem.OpenWork;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds the board with a fixed number of statements whatever the number of items: the open items with their
 * post-mortems, the items done since the last review, their review history aggregated per item, the last
 * review, and the overdue write-ups.
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

    public LocalDate today() {
        return calendar.today();
    }

    /** The board's day from a query parameter: today (in the team's zone) when absent. */
    public LocalDate asOf(String value) {
        LocalDate day = QueryParams.parsed("asOf", value, today(), LocalDate::parse, "must be a date such as 2026-11-27");
        if (day.getYear() < 1970 || day.getYear() > 9999) {
            throw InvalidFieldsException.of("asOf", "must be a date between 1970 and 9999");
        }
        return day;
    }

    @Transactional
    public Board board(LocalDate asOf, OpenWork.Filter filter) {
        return board(asOf, filter, calendar.zone(), calendar.weekStart());
    }

    /** The board in a given zone and week start (the configured ones unless a test says otherwise). */
    @Transactional
    Board board(LocalDate asOf, OpenWork.Filter filter, ZoneId zone, DayOfWeek firstDay) {
        Instant now = clock.instant();
        Instant moment = asOf.equals(now.atZone(zone).toLocalDate()) ? now
                : asOf.plusDays(1).atStartOfDay(zone).toInstant();
        LocalDate weekStart = asOf.with(TemporalAdjusters.previousOrSame(firstDay));
        LocalDate weekEnd = weekStart.plusDays(6);

        Review lastReview = em.createQuery("select r from Review r where r.startedAt < :weekStart"
                        + " order by r.startedAt desc", Review.class)
                .setParameter("weekStart", weekStart.atStartOfDay(zone).toInstant())
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
        Instant doneCutoff = lastReview != null ? lastReview.getStartedAt()
                : asOf.minusDays(7).atStartOfDay(zone).toInstant();
        Set<Long> notDiscussed = lastReview != null ? lastReview.notDiscussedItems() : Set.of();

        List<ActionItem> open = work.openItems(filter);
        List<ActionItem> done = work.completedBetween(doneCutoff, moment, filter);

        // The review history is the board's own (postmortem/ cannot see ReviewDecision), so these two queries stay
        // here; they bind the one set of open statuses and keep the board at a fixed number of statements.
        Map<Long, Object[]> history = new HashMap<>();
        for (Object[] row : em.createQuery("select d.actionItemId, sum(case when d.decision = :redate then 1 else 0 end),"
                        + " max(d.decidedAt) from ReviewDecision d where d.actionItemId in (select i.id from"
                        + " ActionItem i where i.status in :open or (i.status = :done and i.completedAt >= :cutoff))"
                        + " group by d.actionItemId", Object[].class)
                .setParameter("redate", Decision.REDATE).setParameter("open", ActionItemStatus.OPEN_STATUSES)
                .setParameter("done", ActionItemStatus.DONE).setParameter("cutoff", doneCutoff).getResultList()) {
            history.put((Long) row[0], row);
        }
        Map<Long, Decision> lastDecision = new HashMap<>();
        for (Object[] row : em.createQuery("select d.actionItemId, d.decision from ReviewDecision d where d.decidedAt ="
                        + " (select max(d2.decidedAt) from ReviewDecision d2 where d2.actionItemId = d.actionItemId)"
                        + " and d.actionItemId in (select i.id from ActionItem i where i.status in :open"
                        + " or (i.status = :done and i.completedAt >= :cutoff)) order by d.id", Object[].class)
                .setParameter("open", ActionItemStatus.OPEN_STATUSES).setParameter("done", ActionItemStatus.DONE)
                .setParameter("cutoff", doneCutoff).getResultList()) {
            lastDecision.put((Long) row[0], (Decision) row[1]);
        }

        Map<Long, ActionItemTickets.Ticket> linked = tickets.forItems(
                Stream.concat(open.stream(), done.stream()).map(ActionItem::getId).toList());

        List<Board.ItemRow> overdue = new ArrayList<>();
        List<Board.ItemRow> thisWeek = new ArrayList<>();
        List<Board.ItemRow> later = new ArrayList<>();
        Map<String, int[]> owners = new TreeMap<>();
        Map<String, int[]> teams = new TreeMap<>();
        for (ActionItem item : open) {
            Board.ItemRow row = row(item, asOf, history, lastDecision, notDiscussed, linked);
            int[] load = owners.computeIfAbsent(item.getOwner() == null ? "" : item.getOwner(), k -> new int[2]);
            int[] teamLoad = teams.computeIfAbsent(row.team() == null ? "" : row.team(), k -> new int[2]);
            load[1]++;
            teamLoad[1]++;
            LocalDate due = item.getDueDate();
            if (item.isOverdue(asOf)) {
                overdue.add(row);
                load[0]++;
                teamLoad[0]++;
            } else if (due != null && !due.isAfter(weekEnd)) {
                thisWeek.add(row);
            } else {
                later.add(row);
            }
        }
        Comparator<Board.ItemRow> byRank = Comparator.comparing(Board.ItemRow::priority,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Board.ItemRow::actionItemId);
        Comparator<Board.ItemRow> byDue = Comparator.comparing(Board.ItemRow::dueDate,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byRank);
        overdue.sort(Comparator.comparingLong(Board.ItemRow::daysOverdue).reversed().thenComparing(byRank));
        thisWeek.sort(byDue);
        later.sort(byDue);
        List<Board.ItemRow> doneRows = new ArrayList<>(done.stream()
                .map(item -> row(item, asOf, history, lastDecision, Set.of(), linked)).toList());
        doneRows.sort(Comparator.comparing(Board.ItemRow::actionItemId));

        List<Board.WriteUpRow> writeUps = work.overdueWriteUps(moment, filter).stream()
                .map(w -> new Board.WriteUpRow(w.postmortemId(), w.title(), w.dueAt(),
                        Duration.between(w.dueAt(), moment).toHours()))
                .toList();
        List<Board.OwnerLoad> loads = new ArrayList<>();
        owners.forEach((owner, load) -> loads.add(new Board.OwnerLoad(owner, load[0], load[1])));
        loads.sort(Comparator.comparingInt(Board.OwnerLoad::overdue).reversed()
                .thenComparing(Comparator.comparingInt(Board.OwnerLoad::open).reversed())
                .thenComparing(Board.OwnerLoad::owner));
        List<Board.TeamLoad> teamLoads = new ArrayList<>();
        teams.forEach((team, load) -> teamLoads.add(new Board.TeamLoad(team, load[0], load[1])));
        teamLoads.sort(Comparator.comparingInt(Board.TeamLoad::overdue).reversed()
                .thenComparing(Comparator.comparingInt(Board.TeamLoad::open).reversed())
                .thenComparing(Board.TeamLoad::team));
        return new Board(asOf, overdue, thisWeek, later, doneRows, writeUps,
                new Board.Counts(overdue.size(), thisWeek.size(), later.size(), doneRows.size(), writeUps.size()),
                loads, teamLoads, weekStart, weekEnd, lastReview == null ? null : lastReview.getWeek());
    }

    private static Board.ItemRow row(ActionItem item, LocalDate asOf, Map<Long, Object[]> history,
            Map<Long, Decision> lastDecision, Set<Long> notDiscussed, Map<Long, ActionItemTickets.Ticket> linked) {
        Object[] reviewed = history.get(item.getId());
        return new Board.ItemRow(item.getId(), item.getPostMortem().getId(), item.getPostMortem().getTitle(),
                item.getPriority(), item.getTitle(), item.getOwner(), item.getTeamName(), item.getDueDate(), item.getStatus(),
                item.getKind(), item.daysOverdue(asOf), reviewed == null ? 0 : ((Number) reviewed[1]).longValue(),
                reviewed == null ? null : (Instant) reviewed[2], lastDecision.get(item.getId()),
                notDiscussed.contains(item.getId()), linked.get(item.getId()));
    }
}
