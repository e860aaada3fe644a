package dev.debrief.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.common.Problem;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Set;

/**
 * HTTP Basic, as Quarkus does it, except that the 401 challenge carries a problem+json body like every
 * other error of the API (Quarkus's own challenge has none), and that a personal API token
 * ({@code Authorization: Bearer dbf_...}) is taken too, and with single sign-on on, any other bearer token as an
 * access token of the provider ({@link ProviderTokenIdentityProvider}): the API's permissions name this one
 * mechanism, and a token is a script's stand-in for its owner's Basic credentials.
 */
@ApplicationScoped
public class ProblemBasicAuthentication extends BasicAuthenticationMechanism {

    static final String REALM = "Debrief";
    private static final String BEARER = "Bearer ";

    @Inject
    ObjectMapper json;

    public ProblemBasicAuthentication() {
        super(REALM, false);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String secret = authorization.substring(BEARER.length()).strip();
            AuthenticationRequest request = secret.startsWith(TokenService.PREFIX)
                    ? new ApiTokenRequest(secret) : new ProviderTokenRequest(secret);
            return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context));
        }
        return super.authenticate(context, identityProviderManager);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        Set<Class<? extends AuthenticationRequest>> types = new HashSet<>(super.getCredentialTypes());
        types.add(ApiTokenRequest.class);
        types.add(ProviderTokenRequest.class);
        return types;
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (context.response().headWritten()) {
            return Uni.createFrom().item(false);
        }
        context.response().putHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        Problem.of(401, "Unauthorized", "Sign in: send HTTP Basic credentials of a Debrief user.")
                .send(context.response(), json);
        return Uni.createFrom().item(true);
    }
}
