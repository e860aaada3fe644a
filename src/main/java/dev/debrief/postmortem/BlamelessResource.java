package dev.debrief.postmortem;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The blameless-language check as an API, for editors and other tools. */
@Path("/api/blameless-check")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BlamelessResource {

    /** The hits in text order; {@code count} is their number. */
    public record Result(List<BlamelessCheck.Hit> hits, int count) {
    }

    @Inject
    BlamelessCheck check;

    @POST
    public Result check(@Valid @NotNull BlamelessCheckRequest body) {
        List<BlamelessCheck.Hit> hits = check.check(body.text(), body.attendees());
        return new Result(hits, hits.size());
    }
}
