package dev.debrief.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns a personal API token into its owner's identity, with the roles its scope grants: one read of the token and
 * its owner by the token's hash, as cheap as the recheck of a remembered Basic credential. The identity carries
 * {@link #TOKEN}, so that what needs the owner's password ({@link PasswordHolders}) can tell it from a sign-in.
 */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenRequest> {

    /** The attribute naming the token an identity was established with. */
    static final String TOKEN = "debrief.token";

    @Inject
    TokenService tokens;

    @Override
    public Class<ApiTokenRequest> getRequestType() {
        return ApiTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> QuarkusTransaction.requiringNew()
                .call(() -> tokens.holderOf(request.secret()))
                .map(holder -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(holder.owner().principalName()))
                        .addRoles(holder.scope().grantedRoles(holder.owner().getRole()))
                        .addAttribute(TOKEN, holder.tokenId())
                        .build())
                .orElseThrow(AuthenticationFailedException::new));
    }
}
