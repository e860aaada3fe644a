package dev.debrief.demo;

import dev.debrief.audit.AuditTrail;
import dev.debrief.audit.Change;
import dev.debrief.audit.Subject;
import dev.debrief.board.PastReviews;
import dev.debrief.common.Database;
import dev.debrief.common.DebriefConfig;
import dev.debrief.common.NotFoundException;
import dev.debrief.postmortem.PostMortem;
import dev.debrief.postmortem.SearchIndex;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.jboss.logging.Logger;

/**
 * A realistic year for a first look ({@code DEBRIEF_DEMO=true}): over the 12 full months before the current one,
 * incidents fall from 15 a month to 3, mean time to resolve from 90 to 20 minutes and mean time to detect from
 * 15 to 2, as they did for the team in the article Debrief grew from. Every post-mortem gets its three ranked
 * items; most are published within 48 hours, most items are done, a few are overdue now, and twelve weekly
 * reviews hold the decisions. It is written through the aggregates, so every rule holds, and only into an
 * empty database, once; {@link #remove()} takes out exactly what it wrote. This class gives the year its shape
 * (incidents per month, their times); {@link DemoPostMortems} writes each incident and {@link DemoReviews} the
 * reviews, all from one seeded random sequence, so every load writes the same year relative to its day.
 */
@ApplicationScoped
public class DemoYear {

    private static final Logger LOG = Logger.getLogger(DemoYear.class);
    static final int[] INCIDENTS_PER_MONTH = {15, 13, 12, 10, 9, 8, 7, 6, 5, 5, 4, 3};
    private static final int FIRST_TTR = 90;
    private static final int LAST_TTR = 20;
    private static final int FIRST_TTD = 15;
    private static final int LAST_TTD = 2;
    private static final long SEED = 20_261_130L;

    @Inject
    EntityManager em;

    @Inject
    SearchIndex searchIndex;

    @Inject
    Clock clock;

    @Inject
    DebriefConfig config;

    @Inject
    PastReviews pastReviews;

    @Inject
    AuditTrail audit;

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
            audit.record("demo.removed", Subject.demoYear(), List.of(
                    new Change("postmortems", Integer.toString(pmCount), null),
                    new Change("actionItems", Integer.toString(itemCount), null),
                    new Change("reviews", Integer.toString(reviewCount), null)));
            return new Removed(pmCount, itemCount, reviewCount);
        });
        searchIndex.forgetAll();
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

    private void write() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ZoneId zone = config.timeZone();
        Random random = new Random(SEED);
        DemoPostMortems year = new DemoPostMortems(random, now, zone, config.futureTolerance());
        YearMonth current = YearMonth.from(year.today());
        int scenario = 0;
        for (int m = 0; m < INCIDENTS_PER_MONTH.length; m++) {
            YearMonth month = current.minusMonths(INCIDENTS_PER_MONTH.length - m);
            int count = INCIDENTS_PER_MONTH[m];
            double progress = m / (double) (INCIDENTS_PER_MONTH.length - 1);
            long[] detect = spread(random, count, FIRST_TTD + (LAST_TTD - FIRST_TTD) * progress, 0.5);
            long[] resolve = spread(random, count, FIRST_TTR + (LAST_TTR - FIRST_TTR) * progress, 0.4);
            for (int k = 0; k < count; k++) {
                Instant latestStart = now.minus(Duration.ofMinutes(resolve[k] + 180));
                Instant started = startIn(random, month, zone, latestStart);
                year.incident(scenario++, started, detect[k], resolve[k], m);
            }
        }
        // The current month so far: two incidents with items still to do, and one write-up due.
        for (int daysAgo : new int[] {9, 5, 1}) {
            Instant started = now.minus(Duration.ofDays(daysAgo)).minus(Duration.ofHours(2));
            if (YearMonth.from(started.atZone(zone)).equals(current)) {
                year.incident(scenario++, started, 4, 38, INCIDENTS_PER_MONTH.length);
            }
        }
        year.written().forEach(pm -> pm.persist());
        em.flush();
        List<Long> reviews = new DemoReviews(pastReviews, random).hold(year.items(), now, zone);
        year.items().stream().filter(p -> p.fate().status != null && !p.fate().applied)
                .sorted(Comparator.comparing(p -> p.fate().at))
                .forEach(p -> p.settle(p.fate().at));
        em.flush();
        for (PostMortem pm : year.written()) {
            em.createNativeQuery("insert into demo_record (kind, record_id) values ('POSTMORTEM', ?1)")
                    .setParameter(1, pm.getId()).executeUpdate();
        }
        for (Long review : reviews) {
            em.createNativeQuery("insert into demo_record (kind, record_id) values ('REVIEW', ?1)")
                    .setParameter(1, review).executeUpdate();
        }
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
