package dev.debrief.postmortem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.audit.AuditTrail;
import dev.debrief.audit.Changes;
import dev.debrief.audit.Subject;
import dev.debrief.common.ConflictException;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.NotFoundException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A list admins keep by name (teams, contributing factors): list, add, rename, each change audited as
 * {@code <kind>.created} or {@code <kind>.renamed}. Names are unique whatever their case: a taken name is a 409.
 */
public abstract class NamedList<E extends NamedEntry> {

    private static final Set<String> DERIVED = Set.of("id", "version", "createdAt", "updatedAt");

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditTrail trail;

    @Inject
    ObjectMapper json;

    private final Class<E> type;

    private final String kind;

    private final String label;

    private final BiFunction<String, Instant, E> newEntry;

    /**
     * A list of {@code type}, whose entries the audit trail calls {@code kind} ({@code team}, {@code factor}) and
     * messages {@code label} ("team", "contributing factor"), and which {@code newEntry} makes from a name.
     */
    protected NamedList(Class<E> type, String kind, String label, BiFunction<String, Instant, E> newEntry) {
        this.type = type;
        this.kind = kind;
        this.label = label;
        this.newEntry = newEntry;
    }

    /** What the audit trail and the pages' notices call an entry: {@code team}, {@code factor}. */
    String kind() {
        return kind;
    }

    /** Told of every recorded change, after the audit line is written. */
    protected void changed(NamedView entry) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NamedView> list() {
        return em.createQuery("select e from " + type.getSimpleName() + " e order by e.nameKey", type)
                .getResultStream().map(NamedEntry::view).toList();
    }

    /** The entries' names, in order, for the pages' choices. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> names() {
        return list().stream().map(NamedView::name).toList();
    }

    /** Whether an entry of this name exists, whatever its case. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean has(String name) {
        return NamedEntry.keyOf(name) != null && findByName(name) != null;
    }

    /**
     * The entries as they are now, looked up by name whatever its case: one read for the many look-ups of an import,
     * which tries each line of a list.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Function<String, Optional<NamedView>> byName() {
        Map<String, NamedView> entries = new HashMap<>();
        list().forEach(entry -> entries.put(NamedEntry.keyOf(entry.name()), entry));
        return name -> Optional.ofNullable(NamedEntry.keyOf(name)).map(entries::get);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public NamedView get(long id) {
        return find(id, LockModeType.NONE).view();
    }

    public NamedView create(NameRequest request) {
        requireKeyFits(request.name());
        requireFree(request.name(), null);
        E entry = newEntry.apply(request.name(), now());
        em.persist(entry);
        em.flush();
        NamedView created = entry.view();
        record(kind + ".created", null, created);
        return created;
    }

    public NamedView rename(long id, NameRequest request) {
        E entry = find(id, LockModeType.PESSIMISTIC_WRITE);
        requireKeyFits(request.name());
        requireFree(request.name(), id);
        NamedView before = entry.view();
        entry.rename(request.name(), now());
        em.flush();
        NamedView after = entry.view();
        if (!before.name().equals(after.name())) {
            record(kind + ".renamed", before, after);
        }
        return after;
    }

    /** The entry named {@code name} whatever its case, or none. */
    E findByName(String name) {
        return em.createQuery("select e from " + type.getSimpleName() + " e where e.nameKey = :key", type)
                .setParameter("key", NamedEntry.keyOf(name)).getResultStream().findFirst().orElse(null);
    }

    E find(long id, LockModeType lock) {
        E entry = em.find(type, id, lock);
        if (entry == null) {
            throw new NotFoundException(label, id);
        }
        return entry;
    }

    void record(String action, NamedView before, NamedView after) {
        NamedView subject = after == null ? before : after;
        trail.record(action, Subject.named(kind, subject.id(), subject.name()),
                Changes.between(fields(before), fields(after)));
        changed(subject);
    }

    /** A name is also kept in lower case, to compare names; that may make it longer ("İ" is two characters). */
    private static void requireKeyFits(String name) {
        String key = NamedEntry.keyOf(name);
        if (key != null && key.length() > NamedEntry.KEY_LENGTH) {
            throw InvalidFieldsException.of("name", "must be at most " + NamedEntry.KEY_LENGTH + " characters long in"
                    + " lower case (it has " + key.length() + " in lower case)");
        }
    }

    private void requireFree(String name, Long except) {
        E holder = findByName(name);
        if (holder != null && !holder.getId().equals(except)) {
            throw new ConflictException("A " + label + " named '" + holder.getName() + "' already exists (names are "
                    + "compared whatever their case).");
        }
    }

    private Map<String, String> fields(NamedView view) {
        return view == null ? Map.of() : Changes.fieldsOf(json, view, DERIVED);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
