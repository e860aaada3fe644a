package dev.debrief.postmortem;

import dev.debrief.common.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongPredicate;
import org.jboss.logging.Logger;

/**
 * H2's index of the words a search finds post-mortems by, held by the application: H2 has no index of words, and
 * reading every post-mortem's stored words ({@link SearchWords}) for each search took a second at 20,000 of them
 * (docs/performance.md). PostgreSQL uses its own full-text index instead, so this one is never built there; H2's
 * file opens in one process only, so no other process can write what this index does not see.
 *
 * <p>The stored words stay the truth: the index is read from them at the first search, and again for each
 * post-mortem a transaction wrote, once that transaction has ended ({@link #written}). Writes that bypass the
 * aggregate (the instance import, the demo's removal) call {@link #forgetAll}. A search ranks exactly as the SQL
 * over the stored words did: ten for a word in the title, one for each time it appears in the rest, a prefix
 * term's words counted together; ties newest incident first.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    /** How much more a word in the title counts (PostgreSQL's weights A and D differ as much). */
    static final int TITLE_WEIGHT = 10;

    @Inject
    EntityManager em;

    @Inject
    Database database;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** Post-mortems written since the index last read them. */
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();

    private volatile boolean built;

    /** Counts {@link #forgetAll} calls, so that a read of everything that one overtook does not count as built. */
    private final AtomicLong forgotten = new AtomicLong();

    /** Every word seen, by its number; guarded by {@link #lock}. */
    private final SearchDictionary words = new SearchDictionary();

    /** Each post-mortem's words with their counts; guarded by {@link #lock}. */
    private final Map<Long, SearchDictionary.Document> documents = new HashMap<>();

    /** What a search found: the ids of the page asked for, in order, and how many there are in all. */
    record Found(List<Long> ids, long total) {
    }

    /** Whether searches read this index: on H2, not on PostgreSQL. */
    boolean inUse() {
        return !database.isPostgres();
    }

    /** The post-mortem {@code id} is being written; the index reads it again once the transaction has ended. */
    void written(Long id) {
        if (!inUse() || id == null) {
            return;
        }
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            changed.add(id);
            return;
        }
        // After the end, committed or not: reading the row again is right either way, and before the commit it
        // would read what is about to change.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                changed.add(id);
            }
        });
    }

    /** Something wrote post-mortems without the aggregate: read them all again at the next search. */
    public void forgetAll() {
        forgotten.incrementAndGet();
        built = false;
    }

    /**
     * The page of post-mortems that have every term, most relevant first, among those {@code allowed} (null: all).
     */
    Found search(SearchTerms terms, LongPredicate allowed, int offset, int limit) {
        catchUp();
        lock.readLock().lock();
        try {
            return find(terms, allowed, offset, limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    private Found find(SearchTerms terms, LongPredicate allowed, int offset, int limit) {
        List<BitSet> wanted = new ArrayList<>();
        for (SearchTerms.Term term : terms.terms()) {
            BitSet numbers = words.numbers(term);
            if (numbers.isEmpty()) {
                return new Found(List.of(), 0);
            }
            wanted.add(numbers);
        }
        // A term that finds one word is looked up by that word's number, found once here rather than per document.
        int[] only = wanted.stream().mapToInt(term -> term.cardinality() == 1 ? term.nextSetBit(0) : -1).toArray();
        List<Match> matches = new ArrayList<>();
        for (SearchDictionary.Document document : documents.values()) {
            int score = score(document, wanted, only);
            if (score > 0 && (allowed == null || allowed.test(document.id()))) {
                matches.add(new Match(document.id(), document.startedAt(), score));
            }
        }
        matches.sort(Comparator.comparingInt(Match::score).thenComparingLong(Match::startedAt)
                .thenComparingLong(Match::id).reversed());
        List<Long> page = matches.stream().skip(offset).limit(limit).map(Match::id).toList();
        return new Found(page, matches.size());
    }

    private record Match(long id, long startedAt, int score) {
    }

    /**
     * The document's rank for all the terms, each given as the numbers of the words it finds; 0 when a term finds
     * none of its words. A term of one word is looked up; a prefix's words are counted together.
     */
    private static int score(SearchDictionary.Document document, List<BitSet> wanted, int[] only) {
        int total = 0;
        for (int t = 0; t < only.length; t++) {
            BitSet term = wanted.get(t);
            boolean inTitle = false;
            int times = 0;
            boolean found = false;
            if (only[t] >= 0) {
                int at = Arrays.binarySearch(document.words(), only[t]);
                if (at >= 0) {
                    found = true;
                    inTitle = (document.counts()[at] & 1) == 1;
                    times = document.counts()[at] >> 1;
                }
            } else {
                for (int i = 0; i < document.words().length; i++) {
                    if (term.get(document.words()[i])) {
                        found = true;
                        inTitle |= (document.counts()[i] & 1) == 1;
                        times += document.counts()[i] >> 1;
                    }
                }
            }
            if (!found) {
                return 0;
            }
            total += (inTitle ? TITLE_WEIGHT : 0) + times;
        }
        return total;
    }

    private void catchUp() {
        if (built && changed.isEmpty()) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (!built) {
                long start = System.nanoTime();
                long forgets = forgotten.get();
                changed.clear();
                words.clear();
                documents.clear();
                read("select id, started_at, search_title, search_text from postmortem", Map.of());
                built = forgotten.get() == forgets;
                LOG.infof("Search index: read the words of %d post-mortems (%d distinct) in %d ms",
                        documents.size(), words.size(), (System.nanoTime() - start) / 1_000_000);
                return;
            }
            List<Long> ids = new ArrayList<>();
            for (Long id : changed) {
                changed.remove(id);
                ids.add(id);
            }
            if (!ids.isEmpty()) {
                ids.forEach(documents::remove);
                read("select id, started_at, search_title, search_text from postmortem where id in (:ids)",
                        Map.of("ids", ids));
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void read(String sql, Map<String, Object> params) {
        var query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        Stream<?> rows = query.getResultStream();
        rows.forEach(row -> {
            Object[] columns = (Object[]) row;
            long id = ((Number) columns[0]).longValue();
            documents.put(id, words.document(id, micros(columns[1]), (String) columns[2], (String) columns[3]));
        });
    }

    private static long micros(Object startedAt) {
        Instant instant;
        if (startedAt instanceof OffsetDateTime offset) {
            instant = offset.toInstant();
        } else if (startedAt instanceof Timestamp timestamp) {
            instant = timestamp.toInstant();
        } else {
            instant = (Instant) startedAt;
        }
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
