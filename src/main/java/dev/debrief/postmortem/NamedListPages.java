package dev.debrief.postmortem;

import dev.debrief.common.CurrentUser;
import dev.debrief.common.DebriefException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The admin page of the lists kept by name: the teams (add, rename, remove one that owns nothing) and the
 * contributing factors (add, rename). The same services as {@code /api/teams} and {@code /api/factors}, so the same
 * rules and the same audit lines; every form answers with a redirect back (Post/Redirect/Get), or with the page
 * again under the refusal's status, saying why.
 */
@Path("/admin/lists")
@Produces(MediaType.TEXT_HTML)
public class NamedListPages {

    /** The page's notices by the code a redirect carries: the words are the page's, never the URL's. */
    private static final Map<String, String> NOTICES = Map.of(
            "team-added", "Team added.",
            "team-renamed", "Team renamed; its post-mortems and action items follow the new name.",
            "team-removed", "Team removed.",
            "factor-added", "Contributing factor added.",
            "factor-renamed", "Contributing factor renamed; the post-mortems that list it keep it.");

    @Inject
    TeamService teams;

    @Inject
    FactorService factors;

    @Inject
    Validator validator;

    @Inject
    CurrentUser currentUser;

    /** What the page shows: both lists, and what happened last. */
    public record Page(List<NamedView> teams, List<NamedView> factors, String message, boolean error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lists(Page page, String user);
    }

    @GET
    public TemplateInstance page(@QueryParam("notice") String notice) {
        return render(NOTICES.getOrDefault(notice == null ? "" : notice, ""), false);
    }

    /** Adds an entry to either list ({@code teams}, {@code factors}). */
    @POST
    @Path("{list: teams|factors}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("list") String list, @RestForm String name) {
        NamedList<?> entries = entries(list);
        return change(name, entries::create, entries.kind() + "-added");
    }

    @POST
    @Path("{list: teams|factors}/{id}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("list") String list, @PathParam("id") long id, @RestForm String name) {
        NamedList<?> entries = entries(list);
        return change(name, request -> entries.rename(id, request), entries.kind() + "-renamed");
    }

    @POST
    @Path("teams/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeTeam(@PathParam("id") long id) {
        try {
            teams.delete(id);
            return back("team-removed");
        } catch (DebriefException refused) {
            return refused(refused.status(), refused.getMessage());
        }
    }

    /** Checks the name as the API's body is checked, then makes the change; a refusal comes back on the page. */
    private Response change(String name, Consumer<NameRequest> apply, String done) {
        NameRequest request = new NameRequest(name == null ? "" : name);
        Set<ConstraintViolation<NameRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return refused(400, "The name " + violations.iterator().next().getMessage() + ".");
        }
        try {
            apply.accept(request);
            return back(done);
        } catch (DebriefException refused) {
            return refused(refused.status(), refused.getMessage());
        }
    }

    private NamedList<?> entries(String list) {
        return "teams".equals(list) ? teams : factors;
    }

    private TemplateInstance render(String message, boolean error) {
        return Templates.lists(new Page(teams.list(), factors.list(), message, error), currentUser.name());
    }

    private Response refused(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(render(message, true)).build();
    }

    private static Response back(String notice) {
        return Response.seeOther(URI.create("/admin/lists?notice=" + notice)).build();
    }
}
