package dev.debrief.demo;

import dev.debrief.board.Decision;
import dev.debrief.board.PastReviews;
import dev.debrief.common.Database;
import dev.debrief.common.DebriefConfig;
import dev.debrief.common.NotFoundException;
import dev.debrief.postmortem.ActionItem;
import dev.debrief.postmortem.ActionItemDraft;
import dev.debrief.postmortem.ActionItemStatus;
import dev.debrief.postmortem.IncidentDocument;
import dev.debrief.postmortem.PostMortem;
import dev.debrief.postmortem.SectionTexts;
import dev.debrief.postmortem.Severity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.jboss.logging.Logger;

/**
 * A realistic year for a first look ({@code DEBRIEF_DEMO=true}): over the 12 full months before the current one,
 * incidents fall from 15 a month to 3, mean time to resolve from 90 to 20 minutes and mean time to detect from
 * 15 to 2, as they did for the team in the article Debrief grew from. Every post-mortem gets its three ranked
 * items; most are published within 48 hours, most items are done, a few are overdue now, and twelve weekly
 * reviews hold the decisions. It is written through the aggregates, so every rule holds, and only into an
 * empty database, once; {@link #remove()} takes out exactly what it wrote.
 */
@ApplicationScoped
public class DemoYear {

    private static final Logger LOG = Logger.getLogger(DemoYear.class);
    static final int[] INCIDENTS_PER_MONTH = {15, 13, 12, 10, 9, 8, 7, 6, 5, 5, 4, 3};
    private static final int FIRST_TTR = 90;
    private static final int LAST_TTR = 20;
    private static final int FIRST_TTD = 15;
    private static final int LAST_TTD = 2;
    private static final int REVIEW_WEEKS = 12;
    private static final String CHAIR = "admin";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    DebriefConfig config;

    @Inject
    PastReviews pastReviews;

    @Inject
    Database database;

    void onStart(@Observes StartupEvent event) {
        if (!config.demo()) {
            return;
        }
        if (load()) {
            LOG.info("Loaded the demo year (DEBRIEF_DEMO=true). An admin removes it with DELETE /api/demo or "
                    + "the button on the home page.");
        } else {
            LOG.info("DEBRIEF_DEMO=true, but the database is not empty, held the demo year before, or another "
                    + "instance is loading it: nothing added.");
        }
    }

    /** Whether demo data is in the database. */
    public boolean isPresent() {
        return QuarkusTransaction.joiningExisting().call(this::loadedAndNotRemoved);
    }

    /**
     * Fills an empty database with the demo year; false (and nothing written) when there is a post-mortem already
     * or the demo year was loaded before, even if it has been removed since.
     */
    public boolean load() {
        return QuarkusTransaction.requiringNew().call(() -> {
            long postmortems = ((Number) em.createNativeQuery("select count(*) from postmortem").getSingleResult())
                    .longValue();
            long earlier = ((Number) em.createNativeQuery("select count(*) from demo_year").getSingleResult())
                    .longValue();
            if (postmortems > 0 || earlier > 0) {
                return false;
            }
            // The single row claims the load: a second instance starting at the same time waits here for the first
            // to commit, then inserts nothing and adds nothing.
            int claimed = em.createNativeQuery("insert into demo_year (id, loaded_at) values (1, ?1)"
                            + database.onConflictDoNothing())
                    .setParameter(1, clock.instant()).executeUpdate();
            if (claimed == 0) {
                return false;
            }
            write();
            return true;
        });
    }

    /** Deletes every record the demo wrote and keeps everything else; 404 when there is no demo data. */
    public Removed remove() {
        Removed removed = QuarkusTransaction.requiringNew().call(() -> {
            if (!loadedAndNotRemoved()) {
                throw new NotFoundException("There is no demo data to remove.");
            }
            String reviews = "(select record_id from demo_record where kind = 'REVIEW')";
            String postmortems = "(select record_id from demo_record where kind = 'POSTMORTEM')";
            em.createNativeQuery("delete from review_decision where review_id in " + reviews).executeUpdate();
            int reviewCount = em.createNativeQuery("delete from review where id in " + reviews).executeUpdate();
            int itemCount = em.createNativeQuery("delete from action_item where postmortem_id in " + postmortems)
                    .executeUpdate();
            int pmCount = em.createNativeQuery("delete from postmortem where id in " + postmortems).executeUpdate();
            em.createNativeQuery("delete from demo_record").executeUpdate();
            em.createNativeQuery("update demo_year set removed_at = ?1").setParameter(1, clock.instant())
                    .executeUpdate();
            return new Removed(pmCount, itemCount, reviewCount);
        });
        LOG.infof("Removed the demo year: %d post-mortems, %d action items, %d weekly reviews.",
                removed.postmortems(), removed.actionItems(), removed.reviews());
        return removed;
    }

    /** What {@link #remove()} deleted. */
    public record Removed(int postmortems, int actionItems, int reviews) {
    }

    private boolean loadedAndNotRemoved() {
        return ((Number) em.createNativeQuery("select count(*) from demo_year where removed_at is null")
                .getSingleResult()).longValue() > 0;
    }

    /** An item's end as the demo decides it: done or dropped at a time, or still open (null). */
    private static final class Fate {
        ActionItemStatus status;
        Instant at;
        boolean applied;
    }

    private record Planned(ActionItem item, Fate fate) {
    }

    private void write() {
        Year year = new Year(clock.instant().truncatedTo(ChronoUnit.SECONDS), config.timeZone());
        YearMonth current = YearMonth.from(year.today);
        int scenario = 0;
        for (int m = 0; m < INCIDENTS_PER_MONTH.length; m++) {
            YearMonth month = current.minusMonths(INCIDENTS_PER_MONTH.length - m);
            int count = INCIDENTS_PER_MONTH[m];
            double progress = m / (double) (INCIDENTS_PER_MONTH.length - 1);
            long[] detect = spread(year.random, count, FIRST_TTD + (LAST_TTD - FIRST_TTD) * progress, 0.5);
            long[] resolve = spread(year.random, count, FIRST_TTR + (LAST_TTR - FIRST_TTR) * progress, 0.4);
            for (int k = 0; k < count; k++) {
                Instant latestStart = year.now.minus(Duration.ofMinutes(resolve[k] + 180));
                Instant started = startIn(year.random, month, year.zone, latestStart);
                year.incident(scenario++, started, detect[k], resolve[k], m);
            }
        }
        // The current month so far: two incidents with items still to do, and one write-up due.
        for (int daysAgo : new int[] {9, 5, 1}) {
            Instant started = year.now.minus(Duration.ofDays(daysAgo)).minus(Duration.ofHours(2));
            if (YearMonth.from(started.atZone(year.zone)).equals(current)) {
                year.incident(scenario++, started, 4, 38, INCIDENTS_PER_MONTH.length);
            }
        }
        year.written.forEach(pm -> pm.persist());
        em.flush();
        List<Long> reviews = holdReviews(year.random, year.items, year.now, year.zone);
        year.items.stream().filter(p -> p.fate().status != null && !p.fate().applied)
                .sorted(Comparator.comparing(p -> p.fate().at))
                .forEach(p -> settle(p, p.fate().at));
        em.flush();
        for (PostMortem pm : year.written) {
            em.createNativeQuery("insert into demo_record (kind, record_id) values ('POSTMORTEM', ?1)")
                    .setParameter(1, pm.getId()).executeUpdate();
        }
        for (Long review : reviews) {
            em.createNativeQuery("insert into demo_record (kind, record_id) values ('REVIEW', ?1)")
                    .setParameter(1, review).executeUpdate();
        }
    }

    /** The demo year being written: its clock, its random numbers and what it has written so far. */
    private final class Year {
        final Random random = new Random(20_261_130L);
        final Instant now;
        final ZoneId zone;
        final LocalDate today;
        final List<PostMortem> written = new ArrayList<>();
        final List<Planned> items = new ArrayList<>();
        int recentItems;

        Year(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
            this.today = now.atZone(zone).toLocalDate();
        }

        /**
         * One incident and, when its meeting has been held (18 to 40 hours after resolution, for some 50 to 90),
         * its three ranked items and its publication an hour after the meeting.
         */
        void incident(int number, Instant started, long detectMinutes, long resolveMinutes, int month) {
            DemoIncidents.Scenario s = DemoIncidents.SCENARIOS.get(number % DemoIncidents.SCENARIOS.size());
            PostMortem pm = DemoYear.this.incident(random, s, started, detectMinutes, resolveMinutes, month);
            written.add(pm);
            boolean late = random.nextInt(100) < 12;
            Instant meeting = pm.getResolvedAt()
                    .plus(Duration.ofHours(late ? 50 + random.nextInt(40) : 18 + random.nextInt(22)));
            if (meeting.plus(Duration.ofHours(1)).isAfter(now)) {
                return; // the meeting is still to come: a write-up due
            }
            List<String> owners = new ArrayList<>(DemoIncidents.OWNERS);
            Collections.shuffle(owners, random);
            boolean recent = meeting.isAfter(now.minus(Duration.ofDays(100)));
            for (int rank = 1; rank <= 3; rank++) {
                DemoIncidents.Item idea = s.items().get(rank - 1);
                LocalDate due = meeting.atZone(zone).toLocalDate().plusDays(14 + random.nextInt(29));
                ActionItem item = pm.addActionItem(new ActionItemDraft(rank, idea.title(), owners.get(rank - 1),
                        due, idea.kind(), null, null, null, null), meeting);
                // Every third recent item that is due by now is left open: the overdue ones the review is for.
                boolean keepOverdue = recent && recentItems++ % 3 == 0;
                items.add(new Planned(item, fate(random, meeting, due, today, zone, now, keepOverdue)));
            }
            pm.publish(meeting.plus(Duration.ofHours(1)), meeting.plus(Duration.ofHours(1)));
        }
    }

    private PostMortem incident(Random random, DemoIncidents.Scenario s, Instant started, long detectMinutes,
            long resolveMinutes, int month) {
        String service = s.services().get(random.nextInt(s.services().size()));
        Instant detected = started.plus(Duration.ofMinutes(detectMinutes));
        Instant resolved = started.plus(Duration.ofMinutes(resolveMinutes));
        int roll = random.nextInt(100);
        // Early in the year more incidents are major; the practice shows in severity as well as in count.
        Severity severity = roll < 14 - month ? Severity.SEV1 : roll < 45 ? Severity.SEV2 : roll < 85 ? Severity.SEV3
                : Severity.SEV4;
        String title = String.format(s.title(), service);
        title = Character.toUpperCase(title.charAt(0)) + title.substring(1);
        List<String> attendees = new ArrayList<>(DemoIncidents.ATTENDEES);
        Collections.shuffle(attendees, random);
        List<IncidentDocument.Timeline> timeline = List.of(
                new IncidentDocument.Timeline(started, "Impact begins on " + service + "."),
                new IncidentDocument.Timeline(detected, switch (s.source()) {
                    case CUSTOMER -> "First customer report reaches support.";
                    case STAFF -> "An engineer notices and opens an incident.";
                    case SYNTHETIC -> "The external check fails and pages on-call.";
                    default -> "The alert fires and pages on-call.";
                }),
                new IncidentDocument.Timeline(detected.plus(Duration.between(detected, resolved).dividedBy(2)),
                        "Cause identified; mitigation starts."),
                new IncidentDocument.Timeline(resolved, "Service back to normal; incident closed."));
        String summary = title + ": " + resolveMinutes + " minutes of impact, noticed after " + detectMinutes + ".";
        String impact = "Users of " + service + " were affected for " + resolveMinutes + " minutes.";
        IncidentDocument document = IncidentDocument.builder().title(title).severity(severity).services(List.of(service))
                .attendees(attendees.subList(0, 3 + random.nextInt(3))).startedAt(started).detectedAt(detected)
                .resolvedAt(resolved).detectionSource(s.source())
                .sections(SectionTexts.of(section -> switch (section) {
                    case SUMMARY -> summary;
                    case IMPACT -> impact;
                    case WHAT_HAPPENED -> String.format(s.whatHappened(), service);
                    case WHY_DETECTION_FAILED -> String.format(s.whyDetectionFailed(), service);
                    case WHY_RESPONSE_FAILED -> String.format(s.whyResponseFailed(), service);
                    case WHAT_WE_CHANGE -> String.format(s.whatWeChange(), service);
                }))
                .timeline(timeline).build();
        return PostMortem.draft(document, resolved.plus(Duration.ofMinutes(30)), config.futureTolerance());
    }

    private static Fate fate(Random random, Instant created, LocalDate due, LocalDate today, ZoneId zone, Instant now,
            boolean keepOverdue) {
        Fate fate = new Fate();
        long hoursSince = Duration.between(created, now).toHours();
        int roll = random.nextInt(100);
        if (due.isBefore(today)) {
            if (keepOverdue) {
                return fate;
            }
            fate.status = roll < 86 ? ActionItemStatus.DONE : ActionItemStatus.DROPPED;
            Instant dueEnd = due.plusDays(1).atStartOfDay(zone).toInstant();
            long window = Math.max(2, Duration.between(created, dueEnd.plus(Duration.ofDays(5))).toHours());
            fate.at = created.plus(Duration.ofHours(24 + random.nextLong(window)));
        } else if (roll < 35 && hoursSince > 48) {
            fate.status = ActionItemStatus.DONE;
            fate.at = created.plus(Duration.ofHours(24 + random.nextLong(hoursSince - 24)));
        }
        if (fate.at != null && fate.at.isAfter(now.minus(Duration.ofHours(1)))) {
            fate.at = now.minus(Duration.ofHours(1));
        }
        return fate;
    }

    /** Twelve weekly reviews on Mondays at 10:00 before the current week, each with the decisions it took. */
    private List<Long> holdReviews(Random random, List<Planned> items, Instant now, ZoneId zone) {
        List<Long> ids = new ArrayList<>();
        LocalDate thisMonday = now.atZone(zone).toLocalDate().with(DayOfWeek.MONDAY);
        for (int w = REVIEW_WEEKS; w >= 1; w--) {
            LocalDate monday = thisMonday.minusWeeks(w);
            Instant start = monday.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant();
            Instant next = start.plus(Duration.ofDays(7));
            List<PastReviews.PastDecision> decisions = new ArrayList<>();
            Instant at = start;
            for (Planned p : items) {
                ActionItem item = p.item();
                Fate fate = p.fate();
                boolean openNow = item.getCreatedAt().isBefore(start) && !fate.applied
                        && (fate.status == null || fate.at.isAfter(start));
                if (!openNow || decisions.size() >= 10) {
                    continue;
                }
                at = at.plus(Duration.ofMinutes(2));
                LocalDate previousDue = item.getDueDate();
                if (fate.status != null && fate.at.isBefore(next) && random.nextBoolean()) {
                    boolean done = fate.status == ActionItemStatus.DONE;
                    String reason = done ? null
                            : DemoIncidents.DROP_REASONS.get(random.nextInt(DemoIncidents.DROP_REASONS.size()));
                    settle(p, at, reason);
                    decisions.add(new PastReviews.PastDecision(item.getId(), done ? Decision.DONE : Decision.DROP,
                            previousDue, null, reason, done ? "Merged and verified in production" : null, at));
                } else if (previousDue.isBefore(monday)) {
                    // Only items that get done later slip to a new date, so the ones left open stay overdue now.
                    if (fate.status != null && random.nextInt(100) < 40) {
                        LocalDate newDue = monday.plusDays(14);
                        String reason = DemoIncidents.REDATE_REASONS.get(random.nextInt(
                                DemoIncidents.REDATE_REASONS.size()));
                        item.redate(newDue, reason, monday, at);
                        decisions.add(new PastReviews.PastDecision(item.getId(), Decision.REDATE, previousDue, newDue,
                                reason, null, at));
                    } else {
                        decisions.add(new PastReviews.PastDecision(item.getId(), Decision.KEEP, previousDue, null,
                                null, "Still the right item; the owner confirmed the date", at));
                    }
                }
            }
            List<String> attendees = new ArrayList<>(DemoIncidents.ATTENDEES);
            Collections.shuffle(attendees, random);
            String week = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                    + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            ids.add(pastReviews.record(week, CHAIR, start, decisions, attendees.subList(0, 4), new HashSet<>(),
                    at.plus(Duration.ofMinutes(5))));
        }
        return ids;
    }

    private void settle(Planned p, Instant at) {
        settle(p, at, DemoIncidents.DROP_REASONS.get(0));
    }

    private void settle(Planned p, Instant at, String dropReason) {
        if (p.fate().status == ActionItemStatus.DONE) {
            p.item().complete(at);
        } else {
            p.item().drop(dropReason, at);
        }
        p.fate().applied = true;
    }

    /** A day and time in {@code month} in the team's zone, no later than {@code latest}. */
    private static Instant startIn(Random random, YearMonth month, ZoneId zone, Instant latest) {
        Instant first = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        if (end.isAfter(latest)) {
            end = latest;
        }
        long minutes = Math.max(1, Duration.between(first, end).toMinutes());
        return first.plus(Duration.ofMinutes(random.nextLong(minutes)));
    }

    /**
     * {@code count} whole minutes, each within {@code width} either side of {@code mean} before scaling, whose sum is
     * {@code mean * count} rounded: the month's mean comes out at its target.
     */
    static long[] spread(Random random, int count, double mean, double width) {
        long total = Math.round(mean * count);
        double[] weights = new double[count];
        double sum = 0;
        for (int i = 0; i < count; i++) {
            weights[i] = 1 - width + 2 * width * random.nextDouble();
            sum += weights[i];
        }
        long[] values = new long[count];
        long given = 0;
        for (int i = 0; i < count; i++) {
            values[i] = Math.max(1, Math.round(total * weights[i] / sum));
            given += values[i];
        }
        while (given != total) {
            int largest = 0;
            for (int i = 1; i < count; i++) {
                if (values[i] > values[largest]) {
                    largest = i;
                }
            }
            long step = given > total ? -1 : 1;
            if (step < 0 && values[largest] == 1) {
                break;
            }
            values[largest] += step;
            given += step;
        }
        return values;
    }
}
