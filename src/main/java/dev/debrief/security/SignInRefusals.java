package dev.debrief.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.common.Problem;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a sign-in that {@link SignInThrottle} refused, wherever it was tried: 429 with {@code Retry-After}, as
 * a problem for API clients and as the login page saying how long to wait for the sign-in form.
 */
@ApplicationScoped
public class SignInRefusals {

    @Inject
    ObjectMapper json;

    @Inject
    SingleSignOn singleSignOn;

    @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
    String formPostLocation;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (!(context.failure() instanceof SignInThrottledException refused) || context.response().headWritten()) {
            context.next();
            return;
        }
        context.response().putHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
        if (context.request().method() == HttpMethod.POST && context.normalizedPath().equals(formPostLocation)) {
            context.response().setStatusCode(429).putHeader("Content-Type", "text/html; charset=UTF-8")
                    .end(LoginPages.Templates.login(false, false, "", refused.retryAfterMinutes(),
                            singleSignOn.buttonLabel(), "", singleSignOn.passwordsForRecoveryOnly()).render());
        } else {
            Problem.of(429, "Too Many Requests", "Too many failed sign-ins for this user name or from this address. "
                    + "Try again in " + refused.retryAfterSeconds() + " seconds.").send(context.response(), json);
        }
    }
}
