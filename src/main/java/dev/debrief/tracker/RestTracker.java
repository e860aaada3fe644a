package dev.debrief.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.common.DebriefConfig;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * What the three trackers share: JSON over HTTP (through {@link TrackerHttp}) to paths under the tracker's API
 * address, with the tracker's credentials in the headers. Each tracker says where its API is, how it authenticates
 * and how its issues read.
 */
abstract class RestTracker implements Tracker {

    @Inject
    DebriefConfig config;

    @Inject
    TrackerHttp http;

    /** The API's address without a trailing slash ({@code https://api.github.com}). */
    abstract String apiBase();

    /** The headers of every call: the credentials and what the API asks for. */
    abstract Map<String, String> headers();

    JsonNode get(String path) {
        return http.send(kind(), "GET", uri(path), headers(), null);
    }

    JsonNode post(String path, Object body) {
        return http.send(kind(), "POST", uri(path), headers(), body);
    }

    JsonNode put(String path, Object body) {
        return http.send(kind(), "PUT", uri(path), headers(), body);
    }

    JsonNode patch(String path, Object body) {
        return http.send(kind(), "PATCH", uri(path), headers(), body);
    }

    /** {@code path} and, when given, its query ({@code path?a=b}), encoded. */
    static String withQuery(String path, Map<String, String> parameters) {
        return path + "?" + TrackerHttp.query(parameters);
    }

    /**
     * The ticket of a GitHub or GitLab issue (or a GitLab event's attributes): closed when its {@code state} is
     * {@code closed}, with its {@code closed_at} and {@code updated_at}.
     */
    /** How many pages of a marker's search are read at most: 2,000 issues at 100 a page. */
    static final int LOOK_UP_PAGES = 20;

    /**
     * The issue carrying {@code marker} whole, in the results of a search that also finds other items' markers (a
     * search by parts of words: item 5's marker finds items 50 to 59, 500 to 599 ...): pages of {@code size} are read
     * in turn ({@code page} gives the one numbered from 0, {@code entries} the issues in it) until one holds it, a page
     * comes short, or {@link #LOOK_UP_PAGES} were read.
     */
    static Optional<JsonNode> markedInPages(int size, IntFunction<JsonNode> page, String marker, String... path) {
        for (int number = 0; number < LOOK_UP_PAGES; number++) {
            JsonNode entries = page.apply(number);
            Optional<JsonNode> found = firstMarked(entries, marker, path);
            if (found.isPresent() || entries.size() < size) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code key} ({@code acme/web#12}) names an issue of {@code place}: GitHub's and GitLab's issue numbers
     * count per repository or project, which the key names before the {@code #}.
     */
    static boolean numberedIn(String place, String key) {
        return key.regionMatches(true, 0, place + "#", 0, place.length() + 1);
    }

    static RemoteTicket issueTicket(String id, String key, String url, JsonNode issue) {
        return new RemoteTicket(id, key, url, "closed".equals(issue.path("state").asText()),
                TrackerTimes.of(issue.get("closed_at")), TrackerTimes.of(issue.get("updated_at")));
    }

    /**
     * The first of {@code entries} (issues, comments) whose text at {@code path} (a field, or fields for nested ones)
     * holds {@code marker}, the mark Debrief writes into what it posts.
     */
    static Optional<JsonNode> firstMarked(JsonNode entries, String marker, String... path) {
        for (JsonNode entry : entries) {
            JsonNode text = entry;
            for (String field : path) {
                text = text.path(field);
            }
            if (marks(text.asText(""), marker)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code text} holds {@code marker} as a whole: {@code debrief-action-item-5} is not in a ticket that
     * says {@code debrief-action-item-51}.
     */
    static boolean marks(String text, String marker) {
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
            int end = at + marker.length();
            if ((at == 0 || !inMarker(text.charAt(at - 1))) && (end == text.length() || !inMarker(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inMarker(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }

    private URI uri(String path) {
        return URI.create(apiBase().replaceAll("/+$", "") + path);
    }
}
