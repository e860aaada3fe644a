package dev.debrief.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
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
 * Turns an access token of the organisation's provider into the Debrief user it names, for scripts and service
 * accounts that call the API. Quarkus's OIDC support verifies the token (signature by the provider's published
 * keys, issuer, expiry, and the audience when {@code quarkus.oidc.token.audience} is set); the role comes from
 * the same claim and mapping as at a sign-in on the pages, read again at every request. The identity carries
 * {@link #PROVIDER_TOKEN}, so that what needs a password ({@link PasswordHolders}) can tell it from a sign-in.
 */
@ApplicationScoped
public class ProviderTokenIdentityProvider implements IdentityProvider<ProviderTokenRequest> {

    /** The attribute marking an identity established with a provider's access token. */
    static final String PROVIDER_TOKEN = "debrief.provider-token";

    @Inject
    SingleSignOn singleSignOn;

    @Inject
    TenantIdentityProvider provider;

    @Inject
    SingleSignOnUsers users;

    @Override
    public Class<ProviderTokenRequest> getRequestType() {
        return ProviderTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ProviderTokenRequest request, AuthenticationRequestContext context) {
        if (!singleSignOn.isEnabled()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Single sign-on is off"));
        }
        return provider.authenticate(new AccessTokenCredential(request.token()))
                .onFailure().transform(failure -> failure instanceof AuthenticationFailedException
                        ? failure : new AuthenticationFailedException(failure))
                .flatMap(verified -> context.runBlocking(() -> identityOf(SingleSignOnClaims.of(verified))));
    }

    private SecurityIdentity identityOf(SingleSignOnClaims claims) {
        try {
            AppUser user = users.userFor(claims);
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user.principalName()))
                    .addRoles(user.getRole().grantedRoles()).addAttribute(PROVIDER_TOKEN, true).build();
        } catch (SingleSignOnRefusal refused) {
            throw new AuthenticationFailedException(refused.getMessage());
        }
    }
}
