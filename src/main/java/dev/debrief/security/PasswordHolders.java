package dev.debrief.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HTTP policy {@code password-holder}: anyone signed in with their password, not with a personal API token or
 * a provider's access token. A token must not make more tokens or change its owner's password, or a leaked one
 * would outlive its revocation.
 */
@ApplicationScoped
public class PasswordHolders implements HttpSecurityPolicy {

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        return identity.map(who -> holdsPassword(who) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    /** Whether {@code who} signed in with their password (or on the pages), not with a token. */
    static boolean holdsPassword(SecurityIdentity who) {
        return !who.isAnonymous() && who.getAttribute(ApiTokenIdentityProvider.TOKEN) == null
                && who.getAttribute(ProviderTokenIdentityProvider.PROVIDER_TOKEN) == null;
    }

    @Override
    public String name() {
        return "password-holder";
    }
}
