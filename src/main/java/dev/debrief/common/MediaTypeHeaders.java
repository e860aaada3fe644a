package dev.debrief.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

/**
 * A {@code Content-Type} or {@code Accept} header that is present but not a media type (empty, or garbled) is
 * refused before anything reads it: 415 for the body's type, 406 for what the client accepts, as problem+json.
 * Left to the REST layer, such a header failed while the response was being chosen and answered 500.
 */
@ApplicationScoped
public class MediaTypeHeaders {

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    private void check(RoutingContext context) {
        String contentType = context.request().getHeader("Content-Type");
        if (contentType != null && !isMediaType(contentType)) {
            Problem.of(415, "Unsupported media type", "The Content-Type header is not a media type; send "
                    + "application/json (or, for a page, application/x-www-form-urlencoded).")
                    .send(context.response(), json);
            return;
        }
        String accept = context.request().getHeader("Accept");
        if (accept != null && !isMediaRangeList(accept)) {
            Problem.of(406, "Not acceptable", "The Accept header is not a list of media types; send "
                    + "application/json, text/html or */*.").send(context.response(), json);
            return;
        }
        context.next();
    }

    static boolean isMediaType(String value) {
        if (value.isBlank()) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(value.strip());
            return !type.getType().isBlank() && !type.getSubtype().isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isMediaRangeList(String value) {
        if (value.isBlank()) {
            return false;
        }
        for (String range : value.split(",")) {
            if (!range.isBlank() && !range.strip().equals("*") && !isMediaType(range)) {
                return false;
            }
        }
        return true;
    }
}
