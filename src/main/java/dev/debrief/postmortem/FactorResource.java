package dev.debrief.postmortem;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The contributing factors: read, added and renamed like any list admins keep; never removed. */
@Path("/api/factors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FactorResource extends NamedListResource {

    @Inject
    FactorService factors;

    @Override
    protected NamedList<?> entries() {
        return factors;
    }
}
