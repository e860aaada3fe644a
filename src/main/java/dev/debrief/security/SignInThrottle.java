package dev.debrief.security;

import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Limits password guessing, for the API's Basic credentials and the sign-in form alike, since both reach
 * {@link DatabaseIdentityProvider}. It counts failed password checks in a sliding window
 * ({@code debrief.security.sign-in.*}) per user name and client address, and per client address:
 * <ul>
 * <li>a (user name, address) pair with {@code max-failures-per-user} failures in the window is refused before
 * anything else, even with the right password, until its oldest failure leaves the window;</li>
 * <li>an address with {@code max-failures-per-address} failures is refused only where a password would have to be
 * checked with bcrypt, so a credential the cache holds and a page session are still served;</li>
 * <li>a success forgets the pair's failures (not the address's, or one valid account would reset them).</li>
 * </ul>
 * A refusal runs no bcrypt and is not itself counted; it fails authentication with
 * {@link SignInThrottledException}, which {@link SignInRefusals} answers with 429 and {@code Retry-After}.
 * <p>
 * The client address is the connection's, which Quarkus replaces with the forwarded one only when
 * {@code quarkus.http.proxy.*} says to trust the proxy. The counts live in this process's memory: each holds at
 * most as many times as its limit, expired counts are dropped as new failures come in, and each map holds at most
 * {@value #MAX_TRACKED} keys, beyond which the key whose last failure is oldest is forgotten. Every failed
 * sign-in is logged with the user name and address; refusals only when a limit is first reached.
 */
@ApplicationScoped
public class SignInThrottle {

    /** Keys per map: enough for a busy instance, a few megabytes at most. */
    static final int MAX_TRACKED = 10_000;

    /** Characters of a user name kept in a key or a log line; no user name is longer. */
    private static final int NAME_LENGTH = 100;

    private static final Logger LOG = Logger.getLogger(SignInThrottle.class);

    private final Failures byUser = new Failures();
    private final Failures byAddress = new Failures();
    private final Failures byPasswordChange = new Failures();

    @Inject
    Clock clock;

    @Inject
    SecurityConfig config;

    /** The client address of the request, as Quarkus resolved it (forwarded only from a trusted proxy). */
    static String clientAddress(AuthenticationRequest request) {
        return clientAddress(HttpSecurityUtils.getRoutingContextAttribute(request));
    }

    /** The address of the client of {@code context} (the forwarded one behind a trusted proxy). */
    static String clientAddress(RoutingContext context) {
        SocketAddress address = context == null ? null : context.request().remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }

    /** Refuses a sign-in for this user name from this address while the pair has used up its failures. */
    void checkUser(String username, String address) {
        refuseIfFull(byUser, userKey(username, address), settings().maxFailuresPerUser(), username, address);
    }

    /** Refuses a password check from this address while the address has used up its failures. */
    void checkAddress(String username, String address) {
        refuseIfFull(byAddress, address, settings().maxFailuresPerAddress(), username, address);
    }

    void failed(String username, String address) {
        String name = printable(username);
        LOG.warnf("Sign-in failed for user name '%s' from %s", name, address);
        if (fullAfterOneMore(byUser, userKey(username, address), settings().maxFailuresPerUser())) {
            LOG.warnf("Sign-ins for user name '%s' from %s are refused for %s after %d failures", name, address,
                    settings().window(), settings().maxFailuresPerUser());
        }
        addressFailed(address);
    }

    void succeeded(String username, String address) {
        byUser.forget(userKey(username, address));
    }

    /**
     * Refuses a check of the current password in a password change while the user has used up their failures at
     * it, from any address, or the address its failures. Counted apart from sign-ins, since the person changing a
     * password is already signed in and each of their requests succeeds at that.
     */
    void checkPasswordChange(String username, String address) {
        refuseIfFull(byPasswordChange, truncated(username), settings().maxFailuresPerUser(), username, address);
        refuseIfFull(byAddress, address, settings().maxFailuresPerAddress(), username, address);
    }

    void failedPasswordChange(String username, String address) {
        String name = printable(username);
        LOG.warnf("Password change with a wrong current password for user name '%s' from %s", name, address);
        if (fullAfterOneMore(byPasswordChange, truncated(username), settings().maxFailuresPerUser())) {
            LOG.warnf("Password changes for user name '%s' are refused for %s after %d wrong current passwords",
                    name, settings().window(), settings().maxFailuresPerUser());
        }
        addressFailed(address);
    }

    void passwordChanged(String username) {
        byPasswordChange.forget(truncated(username));
    }

    private void addressFailed(String address) {
        if (fullAfterOneMore(byAddress, address, settings().maxFailuresPerAddress())) {
            LOG.warnf("Password checks from %s are refused for %s after %d failures", address, settings().window(),
                    settings().maxFailuresPerAddress());
        }
    }

    /** Counts a failure of {@code key}; whether that one used up its {@code limit}. */
    private boolean fullAfterOneMore(Failures failures, String key, int limit) {
        return failures.add(key, limit, clock.instant(), settings().window());
    }

    /** Forgets every failure, for tests. */
    void clear() {
        byUser.clear();
        byAddress.clear();
        byPasswordChange.clear();
    }

    private void refuseIfFull(Failures failures, String key, int limit, String username, String address) {
        Duration wait = failures.wait(key, limit, clock.instant(), settings().window());
        if (!wait.isZero()) {
            LOG.debugf("Sign-in for user name '%s' from %s refused for %s", printable(username), address, wait);
            throw new SignInThrottledException(wait);
        }
    }

    private SecurityConfig.SignIn settings() {
        return config.signIn();
    }

    private static String userKey(String username, String address) {
        return address + ' ' + truncated(username);
    }

    private static String truncated(String username) {
        return username.length() > NAME_LENGTH ? username.substring(0, NAME_LENGTH) : username;
    }

    /** The user name as it may go into a log line: no line breaks or other control characters, not too long. */
    static String printable(String username) {
        StringBuilder name = new StringBuilder();
        truncated(username).codePoints().forEach(c -> name.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return name.toString();
    }

    /**
     * Times of recent failures per key, at most a limit's worth each. Keys are kept in the order of their last
     * failure, so the expired ones, and at the cap the stalest, are found at the front.
     */
    static final class Failures {

        private final LinkedHashMap<String, Deque<Instant>> times = new LinkedHashMap<>();

        /** How long until the key has fewer than {@code limit} failures in the window; zero if it has now. */
        synchronized Duration wait(String key, int limit, Instant now, Duration window) {
            Deque<Instant> failures = times.get(key);
            if (failures == null) {
                return Duration.ZERO;
            }
            dropExpired(failures, now, window);
            if (failures.isEmpty()) {
                times.remove(key);
            }
            if (failures.size() < limit) {
                return Duration.ZERO;
            }
            return Duration.between(now, failures.peekFirst().plus(window));
        }

        /** Records a failure; whether it is the one that reached the limit. */
        synchronized boolean add(String key, int limit, Instant now, Duration window) {
            dropExpiredKeys(now, window);
            Deque<Instant> failures = times.remove(key);
            if (failures == null) {
                failures = new ArrayDeque<>();
            }
            dropExpired(failures, now, window);
            failures.addLast(now);
            while (failures.size() > limit) {
                failures.removeFirst();
            }
            times.put(key, failures);
            if (times.size() > MAX_TRACKED) {
                Iterator<String> stalest = times.keySet().iterator();
                stalest.next();
                stalest.remove();
            }
            return failures.size() == limit;
        }

        synchronized void forget(String key) {
            times.remove(key);
        }

        synchronized void clear() {
            times.clear();
        }

        private void dropExpiredKeys(Instant now, Duration window) {
            Iterator<Map.Entry<String, Deque<Instant>>> oldestFirst = times.entrySet().iterator();
            while (oldestFirst.hasNext()) {
                Deque<Instant> failures = oldestFirst.next().getValue();
                if (!failures.peekLast().plus(window).isAfter(now)) {
                    oldestFirst.remove();
                } else {
                    return;
                }
            }
        }

        private static void dropExpired(Deque<Instant> failures, Instant now, Duration window) {
            while (!failures.isEmpty() && !failures.peekFirst().plus(window).isAfter(now)) {
                failures.removeFirst();
            }
        }
    }
}
