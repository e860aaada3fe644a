package dev.debrief.security;

import dev.debrief.common.Pages;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A person signed in with a password generated at first start (shown once in the log) is sent to choose their
 * own before any other page: a password that was in a log file is not one to keep.
 */
public class PasswordFirst {

    /** The identity attribute set by the session provider when the password must be replaced. */
    static final String MUST_CHANGE = "debrief.must-change-password";

    private static final Set<String> ALLOWED = Set.of("/account/password", "/logout", "/login");

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    public Response sendToThePasswordPage(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!Boolean.TRUE.equals(identity.getAttribute(MUST_CHANGE)) || !Pages.isPage(path)
                || ALLOWED.contains(path)) {
            return null;
        }
        return Response.seeOther(URI.create("/account/password?first=true")).build();
    }
}
