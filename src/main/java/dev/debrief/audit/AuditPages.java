package dev.debrief.audit;

import dev.debrief.common.CurrentUser;
import dev.debrief.common.DebriefConfig;
import dev.debrief.common.ResultPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit trail for admins: a filter form and the events it finds, newest first, a page at a time. */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPages {

    @Inject
    AuditTrail trail;

    @Inject
    DebriefConfig config;

    @Inject
    CurrentUser currentUser;

    /** What the page shows: the filter as typed, and the page of events it found. */
    public record Page(String from, String to, String actor, String action, ResultPage<AuditEntry> found) {

        public boolean hasPrevious() {
            return found.page() > 0;
        }

        public boolean hasNext() {
            return (long) (found.page() + 1) * found.size() < found.total();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Page page, String user);
    }

    @GET
    public TemplateInstance page(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("page") String page) {
        ResultPage<AuditEntry> found = trail.search(AuditSearch.of(from, to, actor, action, page, null, config.timeZone()));
        return Templates.audit(new Page(orEmpty(from), orEmpty(to), orEmpty(actor), orEmpty(action), found),
                currentUser.name());
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text.strip();
    }
}
