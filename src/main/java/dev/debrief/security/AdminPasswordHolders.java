package dev.debrief.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HTTP policy {@code admin-password-holder}: an admin signed in with their password, not with a token. Creating
 * users, setting their passwords and roles and deleting them make credentials of their own, so a leaked admin token
 * must not do it, or it would outlive its revocation as a new admin.
 */
@ApplicationScoped
public class AdminPasswordHolders implements HttpSecurityPolicy {

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext requestContext) {
        return identity.map(who -> PasswordHolders.holdsPassword(who) && who.hasRole("admin")
                ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return "admin-password-holder";
    }
}
