package dev.debrief.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.common.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Security refusals happen in the HTTP layer, before any REST resource; this gives a wrong password and a
 * missing role the same problem+json body as every other error under {@code /api}.
 */
@ApplicationScoped
public class ApiAuthFailures {

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            context.response().putHeader("WWW-Authenticate", "Basic realm=\"Debrief\"");
            end(context, Problem.of(401, "Unauthorized",
                    "Sign in: send HTTP Basic credentials of a Debrief user."));
        } else if (failure instanceof ForbiddenException) {
            end(context, Problem.of(403, "Forbidden",
                    "Your role does not allow this: reading needs viewer, writing needs editor, managing users needs admin."));
        } else {
            context.next();
        }
    }

    private void end(RoutingContext context, Problem problem) {
        try {
            context.response().setStatusCode(problem.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(problem.status()).end();
        }
    }
}
