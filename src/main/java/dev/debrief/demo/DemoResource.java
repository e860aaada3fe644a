package dev.debrief.demo;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code DELETE /api/demo} (admin): removes the demo year and keeps everything written since. */
@Path("/api/demo")
public class DemoResource {

    @Inject
    DemoYear demo;

    @DELETE
    public Response remove() {
        demo.remove();
        return Response.noContent().build();
    }
}
