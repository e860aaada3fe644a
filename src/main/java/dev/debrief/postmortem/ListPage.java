package dev.debrief.postmortem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The list page with its filters (as typed) and paging, and the choices its filters offer. */
public record ListPage(List<Found> rows, long total, int page, int size, PostMortemSearch.Params filters,
        boolean hasPrevious, boolean hasNext, List<String> teams, List<String> tags, List<String> factors) {

    /** The filters as a query string, for the links to the other pages. */
    public String query() {
        PostMortemSearch.Params f = filters;
        StringBuilder query = new StringBuilder();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("q", f.q());
        values.put("status", f.status());
        values.put("severity", f.severity());
        values.put("service", f.service());
        values.put("team", f.team());
        values.put("tag", f.tag());
        values.put("factor", f.factor());
        values.put("from", f.from());
        values.put("to", f.to());
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                        .append('&');
            }
        });
        return query.toString();
    }

    /** A row of the list: the title and the excerpt cut into parts, the words searched for marked. */
    public record Found(PostMortemSummary pm, WriteUpClock clock, List<SearchTerms.Part> title,
            List<SearchTerms.Part> snippet) {

        /** The row of {@code found}, its words of {@code terms} marked; without terms, nothing is. */
        static Found of(FoundPostMortem found, SearchTerms terms, WriteUpClock clock) {
            PostMortemSummary pm = found.summary();
            if (terms == null) {
                return new Found(pm, clock, List.of(new SearchTerms.Part(pm.title(), false)), List.of());
            }
            return new Found(pm, clock, terms.highlight(pm.title()),
                    found.snippet() == null ? List.of() : terms.highlight(found.snippet()));
        }
    }
}
