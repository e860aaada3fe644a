package dev.debrief.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns the session cookie of a signed-in person (whose password form authentication checked once) back into
 * a user with roles. The user is read on every page request, so a deleted user or a changed role takes
 * effect at once; a session signed in before the user's password changed, or ended by signing out, is over (see
 * {@link SessionName}).
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    PageSessions pageSessions;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String name = request.getPrincipal();
            AppUser user = pageSessions.userOf(name).orElseThrow(AuthenticationFailedException::new);
            // The identity keeps the session's name, so the cookie Quarkus renews keeps the session's id.
            return user.getRole().identityOf(name, user.isPasswordGenerated());
        });
    }
}
