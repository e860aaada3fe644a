package dev.debrief.postmortem;

import dev.debrief.common.ConflictException;
import dev.debrief.common.InvalidFieldsException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The forms on a post-mortem's page that link it to related ones and remove a link. Each answers with a redirect
 * back to the page's links, with a notice saying what happened.
 */
@Path("/postmortems/{id}/links")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class PostMortemLinkPages {

    @Inject
    RelatedIncidents related;

    /** Links the post-mortem to another, from the page's small form or a suggestion's button. */
    @POST
    public Response link(@PathParam("id") long id, @RestForm String postmortemId, @RestForm String kind) {
        Long other = TypedValues.longOf(postmortemId);
        LinkKind chosen = kind == null ? null : Arrays.stream(LinkKind.values()).filter(k -> k.name().equals(kind))
                .findFirst().orElse(null);
        if (other == null || chosen == null) {
            return back(id, PageNotice.NOT_LINKED);
        }
        try {
            related.link(id, new LinkRequest(other, chosen));
            return back(id, PageNotice.LINKED);
        } catch (InvalidFieldsException | ConflictException e) {
            return back(id, PageNotice.NOT_LINKED);
        }
    }

    @POST
    @Path("{otherId}/remove")
    public Response unlink(@PathParam("id") long id, @PathParam("otherId") long otherId) {
        related.unlink(id, otherId);
        return back(id, PageNotice.UNLINKED);
    }

    private static Response back(long id, PageNotice notice) {
        return Response.seeOther(URI.create("/postmortems/" + id + "?notice=" + notice.code + "#links")).build();
    }
}
