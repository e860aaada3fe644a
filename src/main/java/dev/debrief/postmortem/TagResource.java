package dev.debrief.postmortem;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The tags in use, the most used first: what a client suggests when someone tags a post-mortem. */
@Path("/api/tags")
@Produces(MediaType.APPLICATION_JSON)
public class TagResource {

    @Inject
    PostMortemService service;

    @GET
    public List<PostMortemService.TagUse> tags() {
        return service.tagsInUse();
    }
}
