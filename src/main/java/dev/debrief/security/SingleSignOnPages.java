package dev.debrief.security;

import dev.debrief.audit.AuditTrail;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The end of a sign-in through the provider. Quarkus's OIDC code flow (authorization code with PKCE and state)
 * guards {@value SingleSignOn#SIGN_IN_PATH}: a person arriving here without its session is sent to the provider and
 * comes back here signed in. Here the provider's word becomes a Debrief user and an ordinary page session; the
 * provider's own session is kept only so that signing out can end it too.
 */
@Path(SingleSignOn.SIGN_IN_PATH)
public class SingleSignOnPages {

    @Inject
    SecurityIdentity identity;

    @Inject
    OidcSession providerSession;

    @Inject
    SingleSignOnUsers users;

    @Inject
    PageSessions sessions;

    @Inject
    AuditTrail audit;

    @GET
    public Response signIn(RoutingContext context) {
        SingleSignOnClaims claims = SingleSignOnClaims.of(identity);
        String address = SignInThrottle.clientAddress(context);
        try {
            AppUser user = users.userFor(claims);
            String session = SessionName.fromToken(user.principalName(),
                    ((JsonWebToken) identity.getPrincipal()).getRawToken());
            if (sessions.hasEnded(session)) {
                // The provider's session this token came from was signed out of: it starts no session again.
                providerSession.logout().await().indefinitely();
                return Response.seeOther(URI.create("/login?sso=signed-out")).build();
            }
            audit.signIn(user.getUsername(), address, true);
            sessions.start(session, context);
            return Response.seeOther(URI.create("/")).build();
        } catch (SingleSignOnRefusal refused) {
            audit.signIn(SignInThrottle.printable(String.valueOf(claims.username())), address, false);
            // Forgetting the provider's session lets the person try again with another account.
            providerSession.logout().await().indefinitely();
            return Response.seeOther(URI.create("/login?sso=" + refused.code())).build();
        }
    }
}
