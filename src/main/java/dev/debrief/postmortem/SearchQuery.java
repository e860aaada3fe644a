package dev.debrief.postmortem;

import dev.debrief.common.Database;
import dev.debrief.common.ResultPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The post-mortem list as one SQL statement: the ids of a page in the list's order with the number found, then the
 * page's post-mortems. Without words to search for the list is newest incident first; with them, the most relevant
 * first (ties newest first). PostgreSQL finds and ranks them by its full-text search: the stored vector of
 * {@link SearchText} under a GIN index, and {@code ts_rank}, the title's words weighing ten times the others'. H2
 * has no such search, so there each word is found with {@code locate} in the two stored texts (a scan: see
 * docs/performance.md), and the rank counts
 * ten for each word in the title and one for each time a word appears in the rest: the same order as
 * PostgreSQL's in what the tests compare. Every value is bound; the words searched for hold only letters, marks
 * and digits ({@link SearchTerms}).
 */
@ApplicationScoped
class SearchQuery {

    /** How much more a word in the title counts on H2 (PostgreSQL's weights A and D differ as much). */
    private static final int TITLE_WEIGHT = 10;

    @Inject
    EntityManager em;

    @Inject
    Database database;

    ResultPage<FoundPostMortem> page(PostMortemSearch search, Instant now, Duration window) {
        Map<String, Object> params = new HashMap<>();
        String where = conditions(search, params);
        Map<String, Object> rankParams = new HashMap<>(params);
        String rank = search.terms() == null ? "0" : rank(search.terms(), rankParams);
        Query ids = em.createNativeQuery("select p.id, " + rank + " as score, count(*) over () as found"
                + " from postmortem p where " + where + " order by score desc, p.started_at desc, p.id desc");
        rankParams.forEach(ids::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = ids.setFirstResult(search.page() * search.size()).setMaxResults(search.size())
                .getResultList();
        long total = rows.isEmpty() ? countBeyondTheEnd(search, where, params) : ((Number) rows.get(0)[2]).longValue();
        List<Long> order = rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
        Map<Long, PostMortem> found = order.isEmpty() ? Map.of()
                : em.createQuery("select p from PostMortem p left join fetch p.team where p.id in :ids",
                        PostMortem.class).setParameter("ids", order).getResultStream()
                        .collect(Collectors.toMap(PostMortem::getId, Function.identity()));
        List<FoundPostMortem> items = order.stream().map(found::get).map(pm -> new FoundPostMortem(
                pm.summary(now, window), search.terms() == null ? null : pm.excerpt(search.terms()))).toList();
        return new ResultPage<>(items, total, search.page(), search.size());
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

    private String conditions(PostMortemSearch search, Map<String, Object> params) {
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
        if (search.terms() != null) {
            conditions.add(matches(search.terms(), params));
        }
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    private String matches(SearchTerms terms, Map<String, Object> params) {
        if (database.isPostgres()) {
            params.put("query", terms.tsquery());
            return "p.search_vector @@ to_tsquery('simple', :query)";
        }
        List<String> each = new ArrayList<>();
        for (int i = 0; i < terms.terms().size(); i++) {
            params.put("word" + i, terms.terms().get(i).occurrence());
            each.add("(locate(:word" + i + ", p.search_title) > 0 or locate(:word" + i + ", p.search_text) > 0)");
        }
        return String.join(" and ", each);
    }

    private String rank(SearchTerms terms, Map<String, Object> params) {
        if (database.isPostgres()) {
            return "ts_rank(p.search_vector, to_tsquery('simple', :query))";
        }
        List<String> each = new ArrayList<>();
        for (int i = 0; i < terms.terms().size(); i++) {
            // Its length is the program's number, not the user's text: how long one occurrence of the term is.
            each.add("case when locate(:word" + i + ", p.search_title) > 0 then " + TITLE_WEIGHT + " else 0 end"
                    + " + (length(p.search_text) - length(replace(p.search_text, :word" + i + ", ''))) / "
                    + terms.terms().get(i).occurrence().length());
        }
        return String.join(" + ", each);
    }
}
