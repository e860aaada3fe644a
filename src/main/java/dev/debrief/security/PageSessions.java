package dev.debrief.security;

import io.quarkus.vertx.http.runtime.FormAuthConfig;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts the same page session a sign-in with a password starts: the form authentication's encrypted cookie,
 * made with its key and settings ({@code quarkus.http.auth.form.*}), holding the user's principal name. So a person
 * signed in through the provider is, from then on, a session like any other: {@link SessionIdentityProvider} reads
 * the user at every request, and a deleted user or a changed credential version ends it.
 */
@ApplicationScoped
public class PageSessions {

    private volatile PersistentLoginManager manager;

    /** Adds the session cookie for {@code principalName} to the response of {@code context}. */
    void start(String principalName, RoutingContext context) {
        manager().save(principalName, context, form().cookieName(), null, context.request().isSSL());
    }

    private PersistentLoginManager manager() {
        PersistentLoginManager current = manager;
        if (current == null) {
            VertxHttpConfig http = config();
            FormAuthConfig form = http.auth().form();
            String key = http.encryptionKey().orElseThrow(() -> new IllegalStateException(
                    "No session key: quarkus.http.auth.session.encryption-key must be set (docs/operations.md)"));
            current = new PersistentLoginManager(key, form.cookieName(), form.timeout().toMillis(),
                    form.newCookieInterval().toMillis(), form.httpOnlyCookie(), form.cookieSameSite().name(),
                    form.cookiePath().orElse(null), form.cookieMaxAge().map(Duration::toSeconds).orElse(-1L),
                    form.cookieDomain().orElse(null));
            manager = current;
        }
        return current;
    }

    private FormAuthConfig form() {
        return config().auth().form();
    }

    private static VertxHttpConfig config() {
        return ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(VertxHttpConfig.class);
    }
}
