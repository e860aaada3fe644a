package dev.debrief.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.common.Pages;
import dev.debrief.common.Problem;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * The pages accept only form posts. The CSRF filter checks the token of form posts; a body-less or non-form
 * POST to a page would otherwise skip that check, so it is refused here (415) before it reaches a page.
 */
@ApplicationScoped
public class FormPostsOnly {

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpMethod method = context.request().method();
        String path = context.normalizedPath();
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        if (!Pages.isPage(path) || read) {
            context.next();
            return;
        }
        String type = context.request().getHeader("Content-Type");
        String base = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (base.equals("application/x-www-form-urlencoded") || base.equals("multipart/form-data")) {
            context.next();
            return;
        }
        Problem.of(415, "Unsupported media type",
                "Pages accept only HTML form posts (application/x-www-form-urlencoded).")
                .send(context.response(), json);
    }
}
