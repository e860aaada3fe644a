package dev.debrief.postmortem;

import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.QueryParams;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Filters of the post-mortem list; null means "any". {@code terms} are the words searched for ({@code q}), which
 * order the list by relevance; {@code from} and {@code to} bound when the incident started (from inclusive, to
 * exclusive). {@code page} counts from 0.
 */
public record PostMortemSearch(PostMortemStatus status, Severity severity, String service, String team, String tag,
        String factor, Instant from, Instant to, SearchTerms terms, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PostMortemSearch {
        service = blankToNull(service);
        team = blankToNull(team);
        tag = blankToNull(tag);
        factor = blankToNull(factor);
        if (from != null && to != null && !to.isAfter(from)) {
            throw InvalidFieldsException.of("to", "must be after from");
        }
    }

    /** The query parameters of the list, the same for the API and the page. */
    public record Params(String status, String severity, String service, String team, String tag, String factor,
            String from, String to, String q) {
    }

    /**
     * The search that query parameters ask for: each one checked (a 400 naming it), a date in {@code from} meaning
     * from the start of that day and in {@code to} up to its end, in the team's time zone.
     */
    static PostMortemSearch of(Params params, int page, int size, ZoneId zone) {
        String q = QueryParams.text("q", params.q());
        return new PostMortemSearch(
                QueryParams.enumValue("status", params.status(), PostMortemStatus.class),
                QueryParams.enumValue("severity", params.severity(), Severity.class),
                QueryParams.text("service", params.service()), QueryParams.text("team", params.team()),
                QueryParams.text("tag", params.tag()), QueryParams.text("factor", params.factor()),
                QueryParams.from("from", params.from(), zone),
                QueryParams.until("to", params.to(), zone),
                q == null || q.isBlank() ? null : SearchTerms.parse(q.strip()), page, size);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
