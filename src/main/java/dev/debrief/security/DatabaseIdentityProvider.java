package dev.debrief.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Checks user name and password against the {@code app_user} table. A credential verified once is
 * answered from {@link CredentialCache} until it expires, so bcrypt runs once per user and TTL rather
 * than once per request.
 */
@ApplicationScoped
public class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Verified against when the user does not exist, so that unknown names take as long as wrong passwords. */
    private static final String DECOY_HASH = BcryptUtil.bcryptHash("decoy-password-never-used", 10);

    @Inject
    CredentialCache cache;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        char[] password = request.getPassword().getPassword();
        Optional<Role> cached = cache.lookup(username, password);
        if (cached.isPresent()) {
            return Uni.createFrom().item(identity(username, cached.get()));
        }
        return context.runBlocking(() -> {
            Optional<AppUser> user = QuarkusTransaction.requiringNew()
                    .call(() -> AppUser.<AppUser>findByIdOptional(username));
            String given = new String(password);
            if (user.isEmpty()) {
                BcryptUtil.matches(given, DECOY_HASH);
                throw new AuthenticationFailedException();
            }
            if (!BcryptUtil.matches(given, user.get().getPasswordHash())) {
                throw new AuthenticationFailedException();
            }
            cache.remember(username, password, user.get().getRole());
            return identity(username, user.get().getRole());
        });
    }

    private static SecurityIdentity identity(String username, Role role) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addRoles(role.grantedRoles())
                .build();
    }
}
