package dev.debrief.postmortem;

import dev.debrief.common.Database;
import dev.debrief.common.InList;
import dev.debrief.common.ResultPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The post-mortem list: the ids of a page in the list's order with the number found, then the page's post-mortems.
 * Without words to search for the list is newest incident first, one SQL statement; with them, the most relevant
 * first (ties newest first). PostgreSQL finds and ranks them by its full-text search: the stored vector of
 * {@link SearchText} under a GIN index, and {@code ts_rank}, the title's words weighing ten times the others'. H2
 * has no such search, so there the application's {@link SearchIndex} finds and ranks them (ten for a word in the
 * title, one for each time it appears in the rest: the same order as PostgreSQL's in what the tests compare), among
 * the ids that the other filters leave, which SQL reads. Every value is bound; the words searched for hold only
 * letters, marks and digits ({@link SearchTerms}).
 */
@ApplicationScoped
class SearchQuery {

    @Inject
    EntityManager em;

    @Inject
    Database database;

    @Inject
    SearchIndex index;

    ResultPage<FoundPostMortem> page(PostMortemSearch search, Instant now, Duration window) {
        boolean indexed = search.terms() != null && index.inUse();
        SearchIndex.Found found = indexed ? fromIndex(search) : fromDatabase(search);
        Map<Long, PostMortem> shown = load(found.ids());
        if (indexed && shown.size() < found.ids().size()) {
            // A post-mortem was deleted by a way that did not tell the index: read it again, once.
            index.forgetAll();
            found = fromIndex(search);
            shown = load(found.ids());
        }
        // A post-mortem deleted between the two reads is left out of the page, not shown as an error.
        List<FoundPostMortem> items = found.ids().stream().map(shown::get).filter(Objects::nonNull)
                .map(pm -> new FoundPostMortem(pm.summary(now, window),
                        search.terms() == null ? null : pm.excerpt(search.terms()))).toList();
        return new ResultPage<>(items, found.total(), search.page(), search.size());
    }

    private Map<Long, PostMortem> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        InList in = new InList("ids", ids);
        return in.bind(em.createQuery("select p from PostMortem p left join fetch p.team where p.id in " + in.hql(),
                        PostMortem.class)).getResultStream()
                .collect(Collectors.toMap(PostMortem::getId, Function.identity()));
    }

    /** H2 with words to search for: the index ranks, among the ids the other filters leave (all when none is set). */
    private SearchIndex.Found fromIndex(PostMortemSearch search) {
        Map<String, Object> params = new HashMap<>();
        String where = conditions(search, params, false);
        Set<Long> allowed = null;
        if (!params.isEmpty()) {
            Query ids = em.createNativeQuery("select p.id from postmortem p where " + where);
            params.forEach(ids::setParameter);
            allowed = new HashSet<>();
            for (Object id : ids.getResultList()) {
                allowed.add(((Number) id).longValue());
            }
        }
        Set<Long> within = allowed;
        return index.search(search.terms(), within == null ? null : within::contains, search.page() * search.size(),
                search.size());
    }

    /** One statement: a page of ids in order, with the number found (PostgreSQL's full-text search ranks). */
    private SearchIndex.Found fromDatabase(PostMortemSearch search) {
        Map<String, Object> params = new HashMap<>();
        String where = conditions(search, params, true);
        // The rank is computed below the count ("offset 0" keeps the planner from moving it above), so the count
        // does not hold every match's vector (docs/performance.md).
        String from = search.terms() == null ? "postmortem p where " + where
                : "(select p.id, p.started_at, ts_rank(p.search_vector, to_tsquery('simple', :query)) as score"
                        + " from postmortem p where " + where + " offset 0) p";
        Query ids = em.createNativeQuery("select p.id, " + (search.terms() == null ? "0" : "p.score")
                + " as score, count(*) over () as found from " + from
                + " order by score desc, p.started_at desc, p.id desc");
        params.forEach(ids::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ids.setFirstResult(search.page() * search.size()).setMaxResults(search.size())
                .getResultList();
        long total = rows.isEmpty() ? countBeyondTheEnd(search, where, params) : ((Number) rows.get(0)[2]).longValue();
        return new SearchIndex.Found(rows.stream().map(row -> ((Number) row[0]).longValue()).toList(), total);
    }

    /** A page past the last has no row to carry the count; only then is it counted on its own. */
    private long countBeyondTheEnd(PostMortemSearch search, String where, Map<String, Object> params) {
        if (search.page() == 0) {
            return 0;
        }
        Query count = em.createNativeQuery("select count(*) from postmortem p where " + where);
        params.forEach(count::setParameter);
        return ((Number) count.getSingleResult()).longValue();
    }

    private String conditions(PostMortemSearch search, Map<String, Object> params, boolean withTerms) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("status", search.status() == null ? null : search.status().name());
        given.put("severity", search.severity() == null ? null : search.severity().name());
        given.put("service", search.service());
        given.put("team", search.team() == null ? null : Team.keyOf(search.team()));
        given.put("tag", search.tag() == null ? null : IncidentDocument.tag(search.tag()));
        given.put("factor", search.factor() == null ? null : Team.keyOf(search.factor()));
        given.put("from", search.from());
        given.put("to", search.to());
        Map<String, String> condition = Map.of(
                "status", "p.status = :status",
                "severity", "p.severity = :severity",
                "service", "exists (select 1 from postmortem_service s where s.postmortem_id = p.id"
                        + " and s.name = :service)",
                "team", "p.team_id in (select t.id from team t where t.name_key = :team)",
                "tag", "exists (select 1 from postmortem_tag g where g.postmortem_id = p.id and g.tag = :tag)",
                "factor", "exists (select 1 from postmortem_factor pf join factor f on f.id = pf.factor_id"
                        + " where pf.postmortem_id = p.id and f.name_key = :factor)",
                "from", "p.started_at >= :from",
                "to", "p.started_at < :to");
        given.forEach((name, value) -> {
            if (value != null) {
                conditions.add(condition.get(name));
                params.put(name, value);
            }
        });
        if (withTerms && search.terms() != null) {
            params.put("query", search.terms().tsquery());
            conditions.add("p.search_vector @@ to_tsquery('simple', :query)");
        }
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }
}
