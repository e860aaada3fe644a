package dev.debrief.postmortem;

import dev.debrief.audit.AuditEntry;
import dev.debrief.audit.AuditTrail;
import dev.debrief.common.DebriefConfig;
import dev.debrief.common.ETags;
import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.NotFoundException;
import dev.debrief.common.ResultPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Use cases of the post-mortem aggregate, one transaction each; the rules live in {@link PostMortem}. */
@ApplicationScoped
@Transactional
public class PostMortemService {

    @Inject
    Clock clock;

    @Inject
    DebriefConfig config;

    @Inject
    EntityManager em;

    @Inject
    PostMortemAudit audit;

    @Inject
    SearchQuery searchQuery;

    @Inject
    AuditTrail trail;

    @Inject
    Event<PostMortemEvents.Published> published;

    @Inject
    Event<PostMortemEvents.ActionItemAdded> itemAdded;

    public PostMortemView create(PostMortemRequest request) {
        Instant now = now();
        PostMortem pm = PostMortem.draft(request.toDocument(), now, config.futureTolerance());
        pm.persist();
        em.flush();
        PostMortemView created = view(pm);
        audit.created(created);
        return created;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PostMortemView get(long id) {
        return view(find(id));
    }

    public PostMortemView update(long id, PostMortemRequest request, String ifMatch) {
        PostMortem pm = findForUpdate(id);
        ETags.requireMatch(ifMatch, pm.getVersion());
        if (request.version() == null) {
            throw InvalidFieldsException.of("version", "is required: send the version you read, so that a "
                    + "concurrent change is not overwritten");
        }
        pm.requireVersion(request.version());
        PostMortemView before = view(pm);
        pm.revise(request.toDocument(), now(), config.futureTolerance());
        em.flush();
        PostMortemView after = view(pm);
        audit.revised(before, after);
        return after;
    }

    /** Drafts, the write-up most urgently due first (unresolved incidents, whose clock has not started, last). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PostMortemSummary> writeUpsDue() {
        Instant now = now();
        return PostMortem.<PostMortem>find("status = ?1 order by resolvedAt asc nulls last, startedAt desc",
                PostMortemStatus.DRAFT).list().stream()
                .map(pm -> pm.summary(now, config.writeUpWindow()))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PostMortemSummary> recentlyPublished(int limit) {
        Instant now = now();
        return PostMortem.<PostMortem>find("status = ?1 order by publishedAt desc", PostMortemStatus.PUBLISHED)
                .page(0, limit).list().stream()
                .map(pm -> pm.summary(now, config.writeUpWindow()))
                .toList();
    }

    /**
     * The post-mortem's audit history, newest first. A deleted post-mortem's history is kept; it is found only when
     * {@code evenDeleted} (for admins).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> history(long id, boolean evenDeleted) {
        if (PostMortem.findByIdOptional(id).isEmpty() && !(evenDeleted && trail.hasHistory(id))) {
            throw new NotFoundException("post-mortem", id);
        }
        return trail.historyOf(id);
    }

    /** What publishing still needs; empty when the post-mortem could be published now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FieldError> missingForPublication(long id) {
        PostMortem pm = find(id);
        return pm.isPublished() ? List.of() : pm.missingForPublication();
    }

    public Instant currentTime() {
        return now();
    }

    public void delete(long id) {
        PostMortem pm = findForUpdate(id);
        pm.requireDeletable();
        audit.deleted(view(pm));
        pm.delete();
    }

    public ActionItemView addActionItem(long id, ActionItemRequest request) {
        PostMortem pm = findForUpdate(id);
        ActionItem item = pm.addActionItem(request.toDraft(), now());
        em.flush();
        ActionItemView added = ActionItemView.of(item);
        audit.itemAdded(added);
        itemAdded.fire(new PostMortemEvents.ActionItemAdded(added));
        return added;
    }

    public ActionItemView updateActionItem(long id, long itemId, ActionItemRequest request, String ifMatch) {
        PostMortem pm = findForUpdate(id);
        ActionItem current = pm.actionItem(itemId);
        ETags.requireMatch(ifMatch, current.getVersion());
        if (request.version() == null) {
            throw InvalidFieldsException.of("version", "is required: send the version you read, so that a "
                    + "concurrent change is not overwritten");
        }
        ActionItemView before = ActionItemView.of(current);
        ActionItem item = pm.reviseActionItem(itemId, request.toDraft(), request.version(), now());
        em.flush();
        ActionItemView after = ActionItemView.of(item);
        audit.itemRevised(before, after);
        return after;
    }

    public void deleteActionItem(long id, long itemId) {
        PostMortem pm = findForUpdate(id);
        ActionItemView removed = ActionItemView.of(pm.actionItem(itemId));
        pm.removeActionItem(itemId);
        audit.itemRemoved(removed);
    }

    public PostMortemView reorder(long id, ReorderRequest request) {
        PostMortem pm = findForUpdate(id);
        PostMortemView before = view(pm);
        pm.reorder(request.order(), em::flush);
        em.flush();
        PostMortemView after = view(pm);
        audit.reordered(before, after);
        return after;
    }

    public PostMortemView publish(long id, PublishRequest request) {
        PostMortem pm = findForUpdate(id);
        PostMortemView before = view(pm);
        pm.publish(request == null ? null : request.publishedAt(), now());
        em.flush();
        PostMortemView after = view(pm);
        audit.published(before, after);
        published.fire(new PostMortemEvents.Published(after));
        return after;
    }

    /** A tag in use, and on how many post-mortems. */
    public record TagUse(String tag, long postmortems) {
    }

    /** The tags in use, the most used first: what the pages suggest and {@code GET /api/tags} lists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TagUse> tagsInUse() {
        return em.createQuery("select t, count(p) from PostMortem p join p.tags t group by t order by count(p) desc, t",
                Object[].class).getResultList().stream().map(row -> new TagUse((String) row[0], (Long) row[1]))
                .toList();
    }

    /** A post-mortem that may be related to the one being written, and why. */
    public record Suggestion(Long postmortemId, String title, Instant startedAt, List<String> reasons) {
    }

    /** How far apart in time two incidents of the same service or factor are suggested as related. */
    static final Duration SUGGESTION_WINDOW = Duration.ofDays(90);

    static final int MOST_SUGGESTIONS = 10;

    /** Words too common in titles to make two of them similar. */
    private static final Set<String> COMMON_WORDS = Set.of("with", "from", "after", "during", "into", "over",
            "than", "that", "this", "were", "when", "while", "down", "some", "for", "the", "and");

    /**
     * Post-mortems likely related to {@code id} and not linked to it yet: those of the same service or contributing
     * factor that started within 90 days of it, and those with similar titles (two significant words shared, or
     * half of this title's); the most reasons first, then the nearest in time. At most ten.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Suggestion> suggestions(long id) {
        PostMortem pm = find(id);
        Set<Long> excluded = new HashSet<>();
        excluded.add(id);
        pm.linked().forEach(other -> excluded.add(other.getId()));
        Instant from = pm.getStartedAt().minus(SUGGESTION_WINDOW);
        Instant to = pm.getStartedAt().plus(SUGGESTION_WINDOW);
        Map<PostMortem, List<String>> reasons = new LinkedHashMap<>();
        if (!pm.getServices().isEmpty()) {
            em.createQuery("select p, s from PostMortem p join p.services s where s in :services"
                            + " and p.startedAt >= :from and p.startedAt <= :to", Object[].class)
                    .setParameter("services", pm.getServices()).setParameter("from", from).setParameter("to", to)
                    .getResultList().forEach(row -> reasons.computeIfAbsent((PostMortem) row[0], p -> new ArrayList<>())
                            .add("same service: " + row[1]));
        }
        List<Long> factorIds = pm.document().factors().stream().map(IncidentDocument.Factor::factorId).toList();
        if (!factorIds.isEmpty()) {
            em.createQuery("select p, f.factor.name from PostMortem p join p.factors f where f.factor.id in :factors"
                            + " and p.startedAt >= :from and p.startedAt <= :to", Object[].class)
                    .setParameter("factors", factorIds).setParameter("from", from).setParameter("to", to)
                    .getResultList().forEach(row -> reasons.computeIfAbsent((PostMortem) row[0], p -> new ArrayList<>())
                            .add("same contributing factor: " + row[1]));
        }
        Set<String> words = significantWords(pm.getTitle());
        if (!words.isEmpty()) {
            Map<String, Object> params = new HashMap<>();
            List<String> likes = new ArrayList<>();
            for (String word : words) {
                String name = "w" + params.size();
                likes.add("lower(p.title) like :" + name + " escape '\\'");
                params.put(name, "%" + escapeLike(word) + "%");
            }
            TypedQuery<PostMortem> query = em.createQuery("select p from PostMortem p where "
                    + String.join(" or ", likes), PostMortem.class).setMaxResults(200);
            params.forEach(query::setParameter);
            for (PostMortem candidate : query.getResultList()) {
                Set<String> shared = new TreeSet<>(significantWords(candidate.getTitle()));
                shared.retainAll(words);
                if (shared.size() >= 2 || (!shared.isEmpty() && shared.size() * 2 >= words.size())) {
                    reasons.computeIfAbsent(candidate, p -> new ArrayList<>())
                            .add("similar title: " + String.join(", ", shared));
                }
            }
        }
        return reasons.entrySet().stream().filter(e -> !excluded.contains(e.getKey().getId()))
                .sorted(Comparator.<Map.Entry<PostMortem, List<String>>>comparingInt(e -> -e.getValue().size())
                        .thenComparing(e -> Duration.between(e.getKey().getStartedAt(), pm.getStartedAt()).abs())
                        .thenComparing(e -> e.getKey().getId()))
                .limit(MOST_SUGGESTIONS)
                .map(e -> new Suggestion(e.getKey().getId(), e.getKey().getTitle(), e.getKey().getStartedAt(),
                        e.getValue()))
                .toList();
    }

    private static Set<String> significantWords(String title) {
        Set<String> words = new TreeSet<>();
        for (String word : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 4 && !COMMON_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** Links post-mortem {@code id} to another; both are locked, in id order, so two opposite links cannot both pass. */
    public PostMortemView link(long id, LinkRequest request) {
        PostMortem[] pair = lockPair(id, request.postmortemId(), true);
        pair[0].link(pair[1], request.kind(), now());
        em.flush();
        PostMortemView linked = view(pair[0]);
        audit.linked(linked, view(pair[1]), request.kind());
        return linked;
    }

    /** Removes the link between two post-mortems, whichever of them made it. */
    public void unlink(long id, long otherId) {
        PostMortem[] pair = lockPair(id, otherId, false);
        LinkKind kind = pair[0].unlink(pair[1]);
        em.flush();
        audit.unlinked(view(pair[0]), view(pair[1]), kind);
    }

    /**
     * The post-mortem {@code id} and the other one, locked in id order. An unknown other is a 400 naming
     * {@code postmortemId} when a body named it, else a 404 like an unknown {@code id}.
     */
    private PostMortem[] lockPair(long id, Long otherId, boolean otherInBody) {
        if (otherId == null || otherId == id) {
            find(id);
            throw InvalidFieldsException.of("postmortemId", "must be another post-mortem than this one");
        }
        long low = Math.min(id, otherId);
        PostMortem first = PostMortem.<PostMortem>findByIdOptional(low, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        PostMortem second = PostMortem.<PostMortem>findByIdOptional(Math.max(id, otherId),
                LockModeType.PESSIMISTIC_WRITE).orElse(null);
        PostMortem pm = id == low ? first : second;
        PostMortem other = id == low ? second : first;
        if (pm == null) {
            throw new NotFoundException("post-mortem", id);
        }
        if (other == null) {
            throw otherInBody ? InvalidFieldsException.of("postmortemId", "names no post-mortem: " + otherId)
                    : new NotFoundException("post-mortem", otherId);
        }
        return new PostMortem[] {pm, other};
    }

    /** A page of the list: {@code search}'s filters, by relevance when it has words to search for. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<FoundPostMortem> search(PostMortemSearch search) {
        return searchQuery.page(search, now(), config.writeUpWindow());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private PostMortem find(long id) {
        return PostMortem.<PostMortem>findByIdOptional(id).orElseThrow(() -> new NotFoundException("post-mortem", id));
    }

    /**
     * The post-mortem, locked for this transaction: its rules span its items (three items, what publishing
     * needs), so writers to one post-mortem take turns rather than each checking a state the other changes.
     */
    private PostMortem findForUpdate(long id) {
        return PostMortem.<PostMortem>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("post-mortem", id));
    }

    private PostMortemView view(PostMortem pm) {
        return pm.view(now(), config.writeUpWindow());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
