package dev.debrief.common;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * A browser that asks a page for something missing or malformed gets an HTML page in the site's layout with a
 * way back, instead of the problem details the API answers with. The problem is still the one
 * {@link ProblemMappers} made, so status and wording stay the same on both; only addresses outside
 * {@code /api/} and {@code /q/}, asked for with {@code Accept: text/html}, are turned into pages.
 */
public class ErrorPages {

    /** What the page shows: the problem, where to go back to, and who is signed in (for the header). */
    public record ErrorPage(Problem problem, String back, String backLabel) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(ErrorPage page, String user);
    }

    @Inject
    CurrentUser currentUser;

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource) {
        if (!(response.getEntity() instanceof Problem problem) || !wantsPage(request)) {
            return;
        }
        String path = request.getUriInfo().getPath();
        boolean review = path.startsWith("/reviews");
        ErrorPage page = new ErrorPage(problem, review ? "/board" : "/", review ? "Back to the board"
                : "Back to the write-ups due");
        // The header's sign-out form needs the CSRF token, which is only made for an address that matched a page;
        // for any other address the page leaves the header's navigation out.
        boolean matched = resource != null && resource.getMethodName() != null;
        String user = matched ? currentUser.name() : "";
        response.setEntity(Templates.error(page, user).render(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    private static boolean wantsPage(ContainerRequestContext request) {
        if (!Pages.isPage(request.getUriInfo().getPath())) {
            return false;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML);
    }
}
