package dev.debrief.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;

/**
 * The one error shape Debrief answers with: RFC 9457 problem details, plus {@code errors} naming the
 * fields that failed validation.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem(typeFor(status), title, status, detail, List.of());
    }

    public static Problem of(int status, String title, String detail, List<FieldError> errors) {
        return new Problem(typeFor(status), title, status, detail, List.copyOf(errors));
    }

    /**
     * Ends a response with this problem, for the handlers that answer before a resource does (sign-in, the
     * checks on headers and form posts).
     */
    public void send(HttpServerResponse response, ObjectMapper json) {
        String body;
        try {
            body = json.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            body = "";
        }
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).end(body);
    }

    private static String typeFor(int status) {
        return "https://debrief.dev/problems/" + status;
    }
}
