package dev.debrief.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.common.Problem;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * HTTP Basic, as Quarkus does it, except that the 401 challenge carries a problem+json body like every
 * other error of the API (Quarkus's own challenge has none).
 */
@ApplicationScoped
public class ProblemBasicAuthentication extends BasicAuthenticationMechanism {

    static final String REALM = "Debrief";

    @Inject
    ObjectMapper json;

    public ProblemBasicAuthentication() {
        super(REALM, false);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (context.response().headWritten()) {
            return Uni.createFrom().item(false);
        }
        context.response().putHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        Problem.of(401, "Unauthorized", "Sign in: send HTTP Basic credentials of a Debrief user.")
                .send(context.response(), json);
        return Uni.createFrom().item(true);
    }
}
