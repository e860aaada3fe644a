package dev.debrief.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.common.CurrentUser;
import dev.debrief.common.DebriefException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The admin page: online backups, the whole instance as a download, an import from a file with its progress.
 * Every form answers with a redirect back to the page (Post/Redirect/Get), saying what happened.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    /** The page's notices by the code that a redirect carries: the words are the page's, never the URL's. */
    private static final Map<String, String> NOTICES = Map.of(
            "backup-written", "Backup written: it is the newest file in the list below.",
            "import-started", "Import started; its progress is shown below.");

    @Inject
    Backups backups;

    @Inject
    InstanceTransfer transfer;

    @Inject
    TransferProgress progress;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentUser currentUser;

    /** What the page shows. */
    public record Page(boolean backupsAvailable, List<Backups.Backup> backups, TransferProgress.Status transfer,
            String message, boolean error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(Page page, String user);
    }

    @GET
    public TemplateInstance page(@QueryParam("notice") String notice) {
        return render(noticeText(notice), false);
    }

    @POST
    @Path("backups")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response backup() {
        try {
            backups.create();
            return back("backup-written");
        } catch (DebriefException refused) {
            return refused(refused.status(), refused.getMessage());
        }
    }

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export() {
        return InstanceResource.download(transfer);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importFile(@RestForm("file") FileUpload file) {
        if (file == null || file.size() == 0) {
            return refused(400, "Choose the export file (debrief-export.json) to import.");
        }
        JsonNode document;
        try {
            document = json.readTree(Files.readAllBytes(file.uploadedFile()));
        } catch (JsonProcessingException e) {
            return refused(400, "The file is not JSON; choose a file that GET /api/admin/export wrote.");
        } catch (IOException e) {
            return refused(400, "The uploaded file could not be read; try again.");
        }
        try {
            transfer.importInBackground(document);
        } catch (DebriefException refused) {
            String fields = refused.errors().isEmpty() ? ""
                    : " (" + refused.errors().get(0).field() + " " + refused.errors().get(0).message() + ")";
            return refused(refused.status(), refused.getMessage() + fields);
        }
        return back("import-started");
    }

    private TemplateInstance render(String message, boolean error) {
        boolean available = backups.available();
        return Templates.admin(new Page(available, available ? backups.list() : List.of(), progress.latest(),
                message, error), currentUser.name());
    }

    /** The page again, with what went wrong, under the refusal's status; nothing travels through the URL. */
    private Response refused(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(render(message, true)).build();
    }

    /** Post/Redirect/Get: what happened travels as a code that the page turns into its own words. */
    private static Response back(String notice) {
        return Response.seeOther(URI.create("/admin?notice=" + notice)).build();
    }

    private static String noticeText(String notice) {
        return NOTICES.getOrDefault(notice == null ? "" : notice, "");
    }
}
