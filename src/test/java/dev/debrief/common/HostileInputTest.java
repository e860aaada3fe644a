package dev.debrief.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.support.Api;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.RawHttp;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile requests across every route family: valid requests with one part mutated (a body field, the
 * whole body, a header, a path or query parameter), from a fixed seed so a failure can be replayed. Whatever the
 * mutation, the answer is never a 5xx, every refusal is problem+json, and a refused request leaves the stored
 * post-mortems as they were.
 */
@QuarkusTest
class HostileInputTest {

    private static final long SEED = 20_261_130L;
    private static final int CASES = 3000;
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
            ("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private static final List<Object> VALUES = List.of("", " ", "\u0000", "\u0007bell", "a".repeat(100_001),
            "<script>alert(1)</script>", "'; drop table postmortem; --", "../../etc/passwd", "\ud83d\ude00".repeat(300),
            "2026-13-45T99:99:99Z", "2026-03-10", "NaN", "-1", -1, 0, Long.MAX_VALUE, 1e308, 3.5, true, false,
            List.of(), List.of(List.of()), Map.of(), Map.of("a", 1), "SEV9", "OPEN", "DONE", "line\nbreak");
    private static final List<String> BODIES = List.of("", "{", "[]", "null", "\"text\"", "1", "{\"a\":",
            "{\"title\": \"\\ud800\"}", "\u00ff\u00fe garbage", "{}".repeat(10_000), "[".repeat(5000));
    private static final List<String> CONTENT_TYPES = List.of("", "application/json", "text/plain", ";;;",
            "application/json; charset=utf-16", "application/x-www-form-urlencoded", "application/*", "json");
    private static final List<String> ACCEPTS = List.of("", "*/*", "text/html", "application/xml", "text/",
            "application/json;q=abc", "application/problem+json");
    private static final List<String> IDS = List.of("0", "-1", "9223372036854775807", "9223372036854775808", "abc",
            "%00", "1.5", "%2e%2e", "%F0%9F%98%80");
    private static final List<String> WEEKS = List.of("2026-W11", "2026-W99", "abc", "9999-W52", "%00", "2026-W1");
    private static final List<String> QUERY_VALUES = List.of("", "abc", "-1", "99999999999", "%00", "2026-13",
            "SEV9", "%E2%80%AE", "1970-01", "0000-01", "2026-03-10", "a%0Ab");

    /** A document the import reads, whose typo'd year makes a real import a 422. */
    private static final String MARKDOWN = "# Hostile import\n\n- Date: 2206-03-10 10:00 UTC\n\n## Summary\nText.\n";

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    ObjectMapper json;

    private final Random random = new Random(SEED);
    private long draft;
    private long published;
    private long item;
    private long draftVersion;

    /** One request to send: what was mutated, for the failure message. */
    private record Case(String what, String method, String path, Map<String, String> headers, byte[] body) {
    }

    @BeforeEach
    void history() {
        data.reset();
        Scenarios.Ranked ranked = Scenarios.published();
        published = ranked.postmortem();
        draft = Scenarios.create(PostMortemJson.complete().with("title", "The draft hostile requests aim at"));
        item = Scenarios.addItem(draft, PostMortemJson.item(1));
    }

    private void readDraftVersion(RawHttp http) throws Exception {
        draftVersion = json.readTree(http.send("GET", "/api/postmortems/" + draft, Map.of("Authorization", ADMIN),
                null).body()).path("version").asLong();
    }

    @Test
    void noGeneratedRequestGetsA5xxOrChangesWhatItWasRefused() throws Exception {
        RawHttp http = new RawHttp(base);
        readDraftVersion(http);
        String before = stored(http);
        int refused = 0;
        for (int n = 0; n < CASES; n++) {
            Case request = next(n);
            RawHttp.Reply reply = http.send(request.method(), request.path(), request.headers(), request.body());

            assertThat(reply.status()).as("%s answered %s", request.what(), reply.body()).isLessThan(500);
            if (reply.status() >= 400) {
                refused++;
                assertThat(reply.header("content-type")).as("%s %s: %d", request.what(), request.headers(),
                        reply.status())
                        .startsWith("application/problem+json");
                assertThat(stored(http)).as("stored data after the refused %s", request.what()).isEqualTo(before);
            } else if (!request.method().equals("GET")) {
                readDraftVersion(http);
                before = stored(http);
            }
        }
        assertThat(refused).as("most hostile requests are refused").isGreaterThan(CASES / 2);
    }

    /** The post-mortems the requests aim at, as the API reads them, and how many there are. */
    private String stored(RawHttp http) throws Exception {
        return http.send("GET", "/api/postmortems?size=1", Map.of("Authorization", ADMIN), null).body()
                .replaceAll("\\[.*]", "")
                + http.send("GET", "/api/postmortems/" + draft, Map.of("Authorization", ADMIN), null).body()
                + http.send("GET", "/api/postmortems/" + published, Map.of("Authorization", ADMIN), null).body();
    }

    private Case next(int n) throws Exception {
        List<Case> valid = validRequests();
        Case base = valid.get(random.nextInt(valid.size()));
        Map<String, String> headers = new LinkedHashMap<>(base.headers());
        byte[] body = base.body();
        String path = base.path();
        String what;
        switch (random.nextInt(6)) {
            case 0, 1 -> {
                if (body == null) {
                    path = path + (path.contains("?") ? "&" : "?") + "q=" + pick(QUERY_VALUES);
                    what = "query";
                } else if (!base.headers().get("Content-Type").equals("application/json")) {
                    body = String.valueOf(pick(VALUES)).getBytes(StandardCharsets.UTF_8);
                    what = "document";
                } else {
                    Map<String, Object> fields = json.readValue(body,
                            new TypeReference<LinkedHashMap<String, Object>>() { });
                    List<String> names = new ArrayList<>(fields.keySet());
                    String field = names.isEmpty() ? "x" : names.get(random.nextInt(names.size()));
                    Object value = random.nextInt(8) == 0 ? null : pick(VALUES);
                    if (random.nextInt(6) == 0) {
                        fields.remove(field);
                    } else {
                        fields.put(field, value);
                    }
                    body = json.writeValueAsBytes(fields);
                    what = "field " + field;
                }
            }
            case 2 -> {
                body = pick(BODIES).getBytes(StandardCharsets.UTF_8);
                what = "body";
            }
            case 3 -> {
                headers.put("Content-Type", pick(CONTENT_TYPES));
                what = "Content-Type";
            }
            case 4 -> {
                headers.put(random.nextBoolean() ? "Accept" : "If-Match", pick(ACCEPTS));
                what = "Accept or If-Match";
            }
            default -> {
                path = path.replaceFirst("/" + draft + "(/|$|\\?)", "/" + pick(IDS) + "$1")
                        .replaceFirst("/" + item + "(/|$)", "/" + pick(IDS) + "$1")
                        .replaceFirst("2026-W11", pick(WEEKS));
                path = path.contains("?") ? path.replaceFirst("=[^&]*", "=" + pick(QUERY_VALUES)) : path;
                what = "path";
            }
        }
        return new Case("case " + n + " (" + what + ") " + base.method() + " " + path, base.method(), path,
                headers, body);
    }

    /** A valid request of each route family, against the draft (the published post-mortem is only read). */
    private List<Case> validRequests() throws Exception {
        long version = draftVersion;
        List<Case> cases = new ArrayList<>();
        cases.add(write("POST", "/api/postmortems", PostMortemJson.complete().build()));
        cases.add(write("PUT", "/api/postmortems/" + draft,
                PostMortemJson.complete().with("version", version).build()));
        cases.add(write("POST", "/api/postmortems/" + draft + "/action-items", PostMortemJson.item(2)));
        Map<String, Object> changed = PostMortemJson.item(1);
        changed.put("version", 0);
        cases.add(write("PUT", "/api/postmortems/" + draft + "/action-items/" + item, changed));
        cases.add(write("PUT", "/api/postmortems/" + draft + "/action-items/order", Map.of("order", List.of(item))));
        cases.add(write("POST", "/api/postmortems/" + draft + "/publish", Map.of()));
        cases.add(write("POST", "/api/blameless-check", Map.of("text", "human error", "attendees", List.of("Dana"))));
        cases.add(write("POST", "/api/reviews", Map.of("week", "2026-W11")));
        cases.add(write("POST", "/api/reviews/2026-W11/decisions", Map.of("actionItemId", item, "decision", "KEEP")));
        cases.add(write("POST", "/api/users", Map.of("username", "hostile", "password", "hostile-password-1",
                "role", "viewer")));
        cases.add(write("POST", "/api/webhooks", Map.of("url", "http://127.0.0.1:9/in", "events",
                List.of("review.finished", "action_item.created"), "secret", "hostile-secret-0123456789")));
        cases.add(read("/api/postmortems?status=DRAFT&severity=SEV2&service=checkout&q=pool&page=0"));
        cases.add(read("/api/postmortems/" + draft));
        cases.add(read("/api/board?asOf=2026-03-10&owner=alice&service=checkout&severity=SEV2&kind=DETECTION"));
        cases.add(read("/api/reports/monthly?from=2025-03&to=2026-03&severity=SEV2&service=checkout"));
        cases.add(read("/api/reviews/2026-W11"));
        cases.add(read("/api/calendar.ics?owner=alice"));
        cases.add(write("POST", "/api/tokens", Map.of("name", "hostile", "scope", "read")));
        cases.add(write("PATCH", "/api/users/hostile", Map.of("role", "viewer")));
        cases.add(read("/api/postmortems/" + draft + "/history"));
        cases.add(read("/api/audit?from=2026-03-01&to=2026-03-10&actor=admin&action=postmortem&page=0&size=20"));
        cases.add(read("/api/tokens?all=true"));
        cases.add(raw("/api/imports?dryRun=true", "text/markdown", MARKDOWN.getBytes(StandardCharsets.UTF_8)));
        cases.add(raw("/api/imports", "text/markdown", MARKDOWN.getBytes(StandardCharsets.UTF_8)));
        cases.add(raw("/api/imports", "application/zip", archive()));
        cases.add(read("/api/imports/1"));
        return cases;
    }

    private static Case raw(String path, String type, byte[] body) {
        return new Case("valid", "POST", path, Map.of("Authorization", ADMIN, "Content-Type", type), body);
    }

    /** A zip holding that document, so a batch started from it creates nothing. */
    private static byte[] archive() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("hostile.md"));
            zip.write(MARKDOWN.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private Case write(String method, String path, Object body) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", ADMIN);
        headers.put("Content-Type", "application/json");
        return new Case("valid", method, path, headers, json.writeValueAsBytes(body));
    }

    private static Case read(String path) {
        return new Case("valid", "GET", path, Map.of("Authorization", ADMIN), null);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
