package dev.debrief.audit;

import dev.debrief.common.DebriefConfig;
import dev.debrief.common.ResultPage;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The whole audit trail for admins, newest first; docs/api.md is its contract. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    DebriefConfig config;

    @GET
    public Response search(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        ResultPage<AuditEntry> found = trail.search(AuditSearch.of(from, to, actor, action, page, size, config.timeZone()));
        return Response.ok(found).header("X-Total-Count", found.total()).build();
    }
}
