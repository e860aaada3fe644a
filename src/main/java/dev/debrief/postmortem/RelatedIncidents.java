package dev.debrief.postmortem;

import dev.debrief.common.InList;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
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

/**
 * Related incidents: the links between post-mortems ({@code related}, {@code same cause as}), shown on both pages,
 * and the suggestions of likely related ones. One transaction each; the link's rules live in {@link PostMortem}.
 */
@ApplicationScoped
@Transactional
public class RelatedIncidents {

    @Inject
    EntityManager em;

    @Inject
    PostMortemAudit audit;

    @Inject
    PostMortemService postMortems;

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
            InList services = new InList("services", pm.getServices());
            services.bind(em.createQuery("select p, s from PostMortem p join p.services s where s in "
                            + services.hql() + " and p.startedAt >= :from and p.startedAt <= :to", Object[].class))
                    .setParameter("from", from).setParameter("to", to)
                    .getResultList().forEach(row -> reasons.computeIfAbsent((PostMortem) row[0], p -> new ArrayList<>())
                            .add("same service: " + row[1]));
        }
        List<Long> factorIds = pm.document().factors().stream().map(IncidentDocument.Factor::factorId).toList();
        if (!factorIds.isEmpty()) {
            InList factors = new InList("factors", factorIds);
            factors.bind(em.createQuery("select p, f.factor.name from PostMortem p join p.factors f"
                            + " where f.factor.id in " + factors.hql() + " and p.startedAt >= :from"
                            + " and p.startedAt <= :to", Object[].class))
                    .setParameter("from", from).setParameter("to", to)
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
                params.put(name, "%" + TypedValues.escapeLike(word) + "%");
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
        pair[0].link(pair[1], request.kind(), postMortems.currentTime());
        em.flush();
        PostMortemView linked = postMortems.view(pair[0]);
        audit.linked(linked, postMortems.view(pair[1]), request.kind());
        return linked;
    }

    /** Removes the link between two post-mortems, whichever of them made it. */
    public void unlink(long id, long otherId) {
        PostMortem[] pair = lockPair(id, otherId, false);
        LinkKind kind = pair[0].unlink(pair[1]);
        em.flush();
        audit.unlinked(postMortems.view(pair[0]), postMortems.view(pair[1]), kind);
    }

    /**
     * The post-mortem {@code id} and the other one, locked in id order. An unknown other, or the same one, is a 400
     * naming {@code postmortemId} when a body named it, else a 404 like an unknown {@code id}: no such link exists.
     */
    private PostMortem[] lockPair(long id, Long otherId, boolean otherInBody) {
        if (otherId == null || otherId == id) {
            find(id);
            if (!otherInBody) {
                throw new NotFoundException("A post-mortem is never linked to itself: there is no link from " + id
                        + " to " + id + ".");
            }
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

    private static PostMortem find(long id) {
        return PostMortem.<PostMortem>findByIdOptional(id).orElseThrow(() -> new NotFoundException("post-mortem", id));
    }
}
