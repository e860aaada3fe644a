package dev.debrief.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.FormAuthConfig;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.SessionFactory;

/**
 * The page sessions of people signed in: the form authentication's encrypted cookie, made with its key and settings
 * ({@code quarkus.http.auth.form.*}), holding a {@link SessionName}. A sign-in with a password and one through the
 * provider start the same kind of session; {@link SessionIdentityProvider} reads its user at every request, and a
 * deleted user, a changed credential version or a sign-out ends it, on every instance.
 */
@ApplicationScoped
public class PageSessions {

    @Inject
    SessionFactory sessions;

    @Inject
    Clock clock;

    private volatile PersistentLoginManager manager;

    /** Adds the cookie of the session named {@code sessionName} ({@link SessionName}) to the response of {@code context}. */
    void start(String sessionName, RoutingContext context) {
        manager().save(sessionName, context, form().cookieName(), null, context.request().isSSL());
    }

    /** Whether the session named {@code sessionName} was ended by signing out. */
    boolean hasEnded(String sessionName) {
        return SessionName.of(sessionName).map(session -> isRecordedEnded(session.id())).orElse(false);
    }

    private static boolean isRecordedEnded(String id) {
        return QuarkusTransaction.requiringNew().call(() -> EndedSession.findById(id) != null);
    }

    /** The user of the session named {@code name}, if it has not ended. */
    Optional<AppUser> userOf(String name) {
        return SessionName.of(name).flatMap(session -> AppUser.ofSession(sessions, session));
    }

    /**
     * Ends the session whose cookie {@code context} carries, if any, so that the cookie and every copy of it are
     * refused from now on. Rows of sessions that would have timed out by now go at the same time.
     */
    void end(RoutingContext context) {
        PersistentLoginManager.RestoreResult cookie = manager().restore(context);
        Optional<SessionName> session = cookie == null ? Optional.empty() : SessionName.of(cookie.getPrincipal());
        if (session.isEmpty()) {
            return;
        }
        String id = session.get().id();
        Instant now = clock.instant();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                EndedSession.delete("endsAt < ?1", now);
                if (EndedSession.findById(id) == null) {
                    new EndedSession(id, now.plus(form().timeout())).persist();
                }
            });
        } catch (RuntimeException failed) {
            // Two sign-outs of one session at once (a double click): the other one recorded it.
            if (!isRecordedEnded(id)) {
                throw failed;
            }
        }
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
