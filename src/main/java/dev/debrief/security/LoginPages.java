package dev.debrief.security;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sign-in and sign-out for people using the pages. The sign-in form posts to Quarkus's form
 * authentication ({@code /j_security_check}); with single sign-on on, a button starts the sign-in through the
 * provider ({@link SingleSignOnPages}). Signing out ends the session on the server and drops its cookie.
 */
@Path("/")
public class LoginPages {

    private static final Logger LOG = Logger.getLogger(LoginPages.class);

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String sessionCookie;

    @CheckedTemplate
    static class Templates {
        /**
         * {@code singleSignOn} is the provider's name for the sign-in button (empty when off); {@code refusal} the
         * code of the reason a sign-in through it was refused (empty when none); {@code recoveryOnly} whether the
         * password form is only for the bootstrap admin.
         */
        static native TemplateInstance login(boolean failed, boolean passwordChanged, String user, long waitMinutes,
                String singleSignOn, String refusal, boolean recoveryOnly);
    }

    @Inject
    SingleSignOn singleSignOn;

    @Inject
    PageSessions pageSessions;

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") String error, @QueryParam("changed") String changed,
            @QueryParam("sso") String refusal) {
        return Templates.login(error != null, changed != null, "", 0, singleSignOn.buttonLabel(),
                SingleSignOnRefusal.isCode(refusal) ? refusal : "", singleSignOn.passwordsForRecoveryOnly());
    }

    /**
     * Ends the page session, so that a copy of its cookie is refused too, and drops the cookie. A person who signed in
     * through the provider is sent on to Quarkus's logout path, which ends their session at the provider too
     * (RP-initiated logout) and comes back to the login page. The cookie is dropped even if the end cannot be
     * recorded (the database unreachable): the browser is signed out, and the log says what is left.
     */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@Context HttpHeaders headers, RoutingContext context) {
        try {
            pageSessions.end(context);
        } catch (RuntimeException failed) {
            LOG.warnf("A sign-out could not be recorded, so a copy of that session's cookie stays valid until the"
                    + " session times out: %s", failed.toString());
        }
        NewCookie expired = new NewCookie.Builder(sessionCookie).path("/").value("").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
        boolean atProvider = singleSignOn.isEnabled() && headers.getCookies().keySet().stream()
                .anyMatch(name -> name.startsWith(SingleSignOn.PROVIDER_SESSION_COOKIE));
        return Response.seeOther(URI.create(atProvider ? SingleSignOn.SIGN_OUT_PATH : "/login")).cookie(expired)
                .build();
    }
}
