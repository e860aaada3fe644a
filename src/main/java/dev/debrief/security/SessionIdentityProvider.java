package dev.debrief.security;

import dev.debrief.common.CurrentUser;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;

/**
 * Turns the session cookie of a signed-in person (whose password form authentication checked once) back into
 * a user with roles. The user is read on every page request, so a deleted user or a changed role takes
 * effect at once; a session signed in before the user's password changed is over (see
 * {@link AppUser#principalName()}).
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    @Inject
    SessionFactory sessions;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String principal = request.getPrincipal();
            String username = CurrentUser.userNameOf(principal);
            AppUser user = AppUser.stored(sessions, username)
                    .filter(found -> found.isCurrent(principal))
                    .orElseThrow(AuthenticationFailedException::new);
            return user.getRole().identityOf(user.principalName(), user.isPasswordGenerated());
        });
    }
}
