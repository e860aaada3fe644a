package dev.debrief.demo;

import dev.debrief.common.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The home page's demo notice ({@code inject:demo} in the template) and its button, with which an admin removes
 * the demo year.
 */
@Path("/demo")
@Named("demo")
@RequestScoped
public class DemoPages {

    @Inject
    DemoYear demo;

    @Inject
    CurrentUser currentUser;

    /** Whether the home page tells that the data is a demo. */
    public boolean isShown() {
        return demo.isPresent();
    }

    /** Whether the person may remove it. */
    public boolean isRemovable() {
        return currentUser.isAdmin();
    }

    @POST
    @Path("remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove() {
        demo.remove();
        return Response.seeOther(URI.create("/")).build();
    }
}
