package dev.debrief.tracker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.common.DebriefConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON over HTTP to the trackers, with the configured timeout. A failure becomes a {@link TrackerFailure} naming the
 * tracker and the kind of failure; the request's headers (the credentials) and address never appear in it.
 */
@ApplicationScoped
class TrackerHttp {

    @Inject
    DebriefConfig config;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Sends {@code method} to {@code uri}, with {@code body} as JSON when it is not null; the answer's JSON. */
    JsonNode send(TrackerKind kind, String method, URI uri, Map<String, String> headers, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        return call(kind, builder, headers);
    }

    static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode call(TrackerKind kind, HttpRequest.Builder builder, Map<String, String> headers) {
        headers.forEach(builder::header);
        if (!headers.containsKey("Accept")) {
            builder.header("Accept", "application/json");
        }
        builder.timeout(config.tracker().timeout());
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new TrackerFailure(kind.label() + " did not answer within " + config.tracker().timeout().toSeconds()
                    + " s");
        } catch (IOException e) {
            throw new TrackerFailure(kind.label() + " could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackerFailure("the call to " + kind.label() + " was interrupted");
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new TrackerFailure(kind.label() + " refused Debrief's credentials (HTTP " + status + ")");
        }
        if (status < 200 || status > 299) {
            throw new TrackerFailure(kind.label() + " answered HTTP " + status);
        }
        try {
            return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new TrackerFailure(kind.label() + " answered with something other than JSON");
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request body of maps and strings is always JSON", e);
        }
    }
}
