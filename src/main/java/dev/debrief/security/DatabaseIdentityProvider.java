package dev.debrief.security;

import dev.debrief.audit.AuditTrail;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;

/**
 * Checks user name and password against the {@code app_user} table. A credential verified once is
 * answered from {@link CredentialCache} until it expires, so bcrypt runs once per user and TTL rather
 * than once per request. At every request (or every {@code debrief.security.credential-recheck}, when an operator
 * sets one) a cached credential is compared with the stored password hash (one read by primary key, outside any
 * transaction), so a user deleted or given a new password through another instance is refused at once. {@link SignInThrottle} decides before each bcrypt check whether it may run at all.
 */
@ApplicationScoped
public class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    CredentialCache cache;

    @Inject
    SecurityConfig config;

    @Inject
    PasswordChecks hashing;

    @Inject
    SignInThrottle throttle;

    @Inject
    AuditTrail audit;

    @Inject
    SingleSignOn singleSignOn;

    @Inject
    SessionFactory sessions;

    @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
    String formPostLocation;

    /**
     * Verified against when the user does not exist, so that an unknown name takes as long as a wrong password:
     * made with the same bcrypt cost as stored passwords, once the configuration is known.
     */
    private volatile String decoyHash;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        char[] password = request.getPassword().getPassword();
        String address = SignInThrottle.clientAddress(request);
        try {
            throttle.checkUser(username, address);
        } catch (SignInThrottledException refused) {
            return Uni.createFrom().failure(refused);
        }
        if (!singleSignOn.admitsPassword(username)) {
            // Local sign-in is off: no password is checked, and the attempt is a failed sign-in like a wrong one.
            return context.runBlocking(() -> {
                throw failed(username, address);
            });
        }
        Optional<CredentialCache.Entry> cached = cache.lookup(username, password);
        // A sign-in on the page starts a session and is audited (a request's credentials, when right, are not), so
        // it always takes the blocking path, which can write.
        boolean pageSignIn = isPageSignIn(request);
        if (!pageSignIn && cached.isPresent() && cache.isFresh(cached.get())) {
            throttle.succeeded(username, address);
            return Uni.createFrom().item(cached.get().role().identityOf(cached.get().principalName()));
        }
        return context.runBlocking(() -> {
            Optional<AppUser> user = AppUser.stored(sessions, username);
            String given = new String(password);
            if (user.isEmpty()) {
                cache.forget(username);
                throttle.checkAddress(username, address);
                hashing.matches(given, decoyHash());
                throw failed(username, address);
            }
            String hash = user.get().getPasswordHash();
            Role role = user.get().getRole();
            if (cached.isPresent() && cached.get().passwordHash().equals(hash)) {
                cache.confirm(username, cached.get(), role, user.get().principalName());
                throttle.succeeded(username, address);
                return signedIn(role, user.get(), pageSignIn, address);
            }
            throttle.checkAddress(username, address);
            if (!hashing.matches(given, hash)) {
                cache.forget(username);
                throw failed(username, address);
            }
            cache.remember(username, password, role, user.get().principalName(), hash);
            throttle.succeeded(username, address);
            return signedIn(role, user.get(), pageSignIn, address);
        });
    }

    /** The identity of a verified user; a sign-in on the page is audited and starts a session of its own. */
    private SecurityIdentity signedIn(Role role, AppUser user, boolean pageSignIn, String address) {
        if (!pageSignIn) {
            return role.identityOf(user.principalName());
        }
        audit.signIn(user.getUsername(), address, true);
        return role.identityOf(SessionName.start(user.principalName()));
    }

    /** Counts and audits a failed sign-in; returns the failure to throw. */
    private AuthenticationFailedException failed(String username, String address) {
        throttle.failed(username, address);
        audit.signIn(SignInThrottle.printable(username), address, false);
        return new AuthenticationFailedException();
    }

    private boolean isPageSignIn(UsernamePasswordAuthenticationRequest request) {
        RoutingContext context = HttpSecurityUtils.getRoutingContextAttribute(request);
        return context != null && formPostLocation.equals(context.normalizedPath());
    }

    String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = BcryptUtil.bcryptHash("decoy-password-never-used", config.bcryptCost());
            decoyHash = hash;
        }
        return hash;
    }
}
