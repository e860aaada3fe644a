package dev.debrief.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * Checks of a request before anything reads it, each refused as problem+json:
 * <ul>
 * <li>a {@code Content-Type} or {@code Accept} header that is present but not a media type (empty, or garbled):
 * 415 for the body's type, 406 for what the client accepts. Left to the REST layer, such a header failed while
 * the response was being chosen and answered 500;</li>
 * <li>a form body sent to the API (415): the CSRF check of forms would refuse it with a bare 400;</li>
 * <li>a POST to a page that is not a form post (415). The CSRF filter checks the token of form posts; a body-less
 * or non-form POST to a page would otherwise skip that check.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestChecks {

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
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
        if (isFormPostToTheApi(context)) {
            Problem.of(415, "Unsupported media type", "The API takes application/json bodies (and /api/imports "
                    + "text/markdown or application/zip); HTML forms, file uploads included, are for the pages.")
                    .send(context.response(), json);
            return;
        }
        if (!isFormPostOrNotAPagePost(context)) {
            Problem.of(415, "Unsupported media type",
                    "Pages accept only HTML form posts (application/x-www-form-urlencoded).")
                    .send(context.response(), json);
            return;
        }
        context.next();
    }

    /** A form body sent to the API, which the CSRF check would refuse with a bare 400 before any resource. */
    private static boolean isFormPostToTheApi(RoutingContext context) {
        return context.normalizedPath().startsWith("/api/") && isForm(context.request().getHeader("Content-Type"));
    }

    private static boolean isForm(String type) {
        String base = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return base.equals("application/x-www-form-urlencoded") || base.equals("multipart/form-data");
    }

    private static boolean isFormPostOrNotAPagePost(RoutingContext context) {
        HttpMethod method = context.request().method();
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        if (read || !Pages.isPage(context.normalizedPath())) {
            return true;
        }
        return isForm(context.request().getHeader("Content-Type"));
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
