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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The admin page: online backups, the whole instance as a download, an import from a file with its progress.
 * Every form answers with a redirect back to the page (Post/Redirect/Get), saying what happened.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

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
    public TemplateInstance page(@QueryParam("message") String message, @QueryParam("error") String error) {
        boolean available = backups.available();
        String text = error != null ? error : message;
        return Templates.admin(new Page(available, available ? backups.list() : List.of(), progress.latest(),
                text == null ? "" : text, error != null), currentUser.name());
    }

    @POST
    @Path("backups")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response backup() {
        try {
            Backups.Backup backup = backups.create();
            return back("message", "Backup written: " + backup.file() + " (" + backup.sizeBytes() + " bytes).");
        } catch (DebriefException refused) {
            return back("error", refused.getMessage());
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
            return back("error", "Choose the export file (debrief-export.json) to import.");
        }
        JsonNode document;
        try {
            document = json.readTree(Files.readAllBytes(file.uploadedFile()));
        } catch (JsonProcessingException e) {
            return back("error", "The file is not JSON; choose a file that GET /api/admin/export wrote.");
        } catch (IOException e) {
            return back("error", "The uploaded file could not be read; try again.");
        }
        try {
            transfer.importInBackground(document);
        } catch (DebriefException refused) {
            String fields = refused.errors().isEmpty() ? ""
                    : " (" + refused.errors().get(0).field() + " " + refused.errors().get(0).message() + ")";
            return back("error", refused.getMessage() + fields);
        }
        return back("message", "Import started; its progress is shown below.");
    }

    private static Response back(String kind, String text) {
        return Response.seeOther(URI.create("/admin?" + kind + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                .build();
    }
}
