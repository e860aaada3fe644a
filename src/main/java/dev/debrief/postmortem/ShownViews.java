package dev.debrief.postmortem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import javax.sql.DataSource;

/**
 * The post-mortems' views as last read, each kept with the versions of every row it was built from (its stamp), so
 * that a read checks the stamp, one statement, instead of reading those rows again (docs/performance.md).
 *
 * <p>Why a kept view is never served stale, with several instances on one database too: every row a view reads has a
 * version that each change moves on (the post-mortem with its lists, its team, its items and their teams, its factors'
 * names, its links and the linked post-mortems' titles), and rows added or removed change the stamp as well. The stamp
 * is read before the view, so a view read after a change is kept under the stamp of before and read again at the next
 * request. Inside a transaction the view is read and not kept: it may hold that transaction's own uncommitted writes.
 * A write that replaces rows with others of the same ids and versions (the instance import) calls {@link #forgetAll}.
 */
@ApplicationScoped
public class ShownViews {

    /** How many views are kept at most. */
    static final int CAPACITY = 2_000;

    /**
     * How many characters of text the views kept hold at most (about 16 MB): a post-mortem may hold 100,000
     * characters in each section, and 2,000 such would not fit in the heap.
     */
    static final long TEXT_CAPACITY = 8_000_000;

    /**
     * Every row {@link PostMortem#view} reads, as one line of ids and versions; none when there is no such post-mortem.
     * Read with plain JDBC: Hibernate keeps no plan of a native query with a result class, and translates it each time.
     */
    private static final String STAMP = """
            select concat(p.version, '/', (select t.version from team t where t.id = p.team_id), '/',
                (select string_agg(concat(i.id, ':', i.version, ':', t.id, ':', t.version), ',' order by i.id)
                    from action_item i left join team t on t.id = i.team_id where i.postmortem_id = p.id), '/',
                (select string_agg(concat(f.id, ':', f.version), ',' order by c.position)
                    from postmortem_factor c join factor f on f.id = c.factor_id where c.postmortem_id = p.id), '/',
                (select string_agg(concat(l.id, ':', o.version), ',' order by l.id)
                    from postmortem_link l join postmortem o on o.id = l.related_id where l.postmortem_id = p.id), '/',
                (select string_agg(concat(l.id, ':', o.version), ',' order by l.id)
                    from postmortem_link l join postmortem o on o.id = l.postmortem_id where l.related_id = p.id))
            from postmortem p where p.id = ?""";

    @Inject
    DataSource dataSource;

    private final Recent<Long, Kept> kept = new Recent<>(CAPACITY, TEXT_CAPACITY, k -> textOf(k.view()));

    /** Counts {@link #forgetAll} calls, so that a view read before one is not kept after it. */
    private final AtomicLong forgotten = new AtomicLong();

    private record Kept(String stamp, PostMortemView view) {
    }

    /**
     * The view of post-mortem {@code id} with its clock read at {@code now}, empty if there is no such post-mortem;
     * {@code read} reads it when the one kept is not the current one.
     */
    Optional<PostMortemView> get(long id, Supplier<PostMortemView> read, Instant now) {
        if (QuarkusTransaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return Optional.of(read.get());
        }
        long generation = forgotten.get();
        String stamp = stamp(id);
        if (stamp == null) {
            kept.remove(id);
            return Optional.empty();
        }
        Kept found = kept.get(id);
        if (found != null && found.stamp().equals(stamp)) {
            return Optional.of(found.view().at(now));
        }
        // Read in a session of its own: the request's may hold this post-mortem as an earlier read of the same
        // request found it, which Hibernate would return unchanged, and keep under the versions of after a change.
        PostMortemView view = QuarkusTransaction.requiringNew().call(read::get);
        synchronized (forgotten) {
            if (forgotten.get() == generation) {
                kept.put(id, new Kept(stamp, view));
            }
        }
        return Optional.of(view);
    }

    /** Forgets every kept view: for writes that bypass the versions. */
    public void forgetAll() {
        synchronized (forgotten) {
            forgotten.incrementAndGet();
            kept.clear();
        }
    }

    /** The characters of text a view holds, near enough: its sections, title and timeline. */
    static long textOf(PostMortemView view) {
        IncidentDocument document = view.document();
        long text = document.title() == null ? 0 : document.title().length();
        for (String section : view.sectionFields().values()) {
            text += section == null ? 0 : section.length();
        }
        for (IncidentDocument.Timeline entry : document.timeline()) {
            text += entry.event() == null ? 0 : entry.event().length();
        }
        return text + 1_000L * (1 + view.actionItems().size());
    }

    private String stamp(long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(STAMP)) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the versions of post-mortem " + id, e);
        }
    }

    /**
     * At most {@code capacity} entries weighing {@code maxWeight} in all, the least recently read dropped first; safe
     * for several threads.
     */
    static final class Recent<K, V> {

        private final Map<K, V> entries = new LinkedHashMap<>(64, 0.75f, true);
        private final int capacity;
        private final long maxWeight;
        private final ToLongFunction<V> weigher;
        private long weight;

        Recent(int capacity, long maxWeight, ToLongFunction<V> weigher) {
            this.capacity = capacity;
            this.maxWeight = maxWeight;
            this.weigher = weigher;
        }

        synchronized V get(K key) {
            return entries.get(key);
        }

        /** Keeps {@code value}, unless it alone weighs more than all may. */
        synchronized void put(K key, V value) {
            remove(key);
            long added = weigher.applyAsLong(value);
            if (added > maxWeight) {
                return;
            }
            entries.put(key, value);
            weight += added;
            Iterator<V> eldest = entries.values().iterator();
            while (entries.size() > capacity || weight > maxWeight) {
                weight -= weigher.applyAsLong(eldest.next());
                eldest.remove();
            }
        }

        synchronized void remove(K key) {
            V removed = entries.remove(key);
            if (removed != null) {
                weight -= weigher.applyAsLong(removed);
            }
        }

        synchronized void clear() {
            entries.clear();
            weight = 0;
        }

        synchronized int size() {
            return entries.size();
        }
    }
}
