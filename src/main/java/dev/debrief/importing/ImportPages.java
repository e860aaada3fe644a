package dev.debrief.importing;

import dev.debrief.common.CurrentUser;
import dev.debrief.common.DebriefException;
import dev.debrief.common.FieldError;
import dev.debrief.postmortem.Section;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The import page for editors: upload one Markdown document (preview it beside its source, then import it) or a zip
 * archive of them (then follow the batch). The same service and rules as {@code /api/imports}.
 */
@Path("/imports")
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

    @Inject
    ImportService imports;

    @Inject
    ImportBatches batches;

    @Inject
    CurrentUser currentUser;

    /** The upload form, with what went wrong with the last upload. */
    public record Start(String message) {
    }

    /**
     * A document as it would be imported, beside its source; {@code encoded} carries the source unchanged through
     * the import form (a browser would turn its line ends into CR LF), {@code errors} what refused it.
     */
    public record Preview(String file, String markdown, String encoded, ImportDraft draft, List<Labelled> sections,
            List<FieldError> errors) {
    }

    /** A section of the preview with its label. */
    public record Labelled(String label, String text) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance start(Start page, String user);

        static native TemplateInstance preview(Preview page, String user);

        static native TemplateInstance batch(ImportBatchView batch, String user);
    }

    @GET
    public TemplateInstance page() {
        return Templates.start(new Start(""), currentUser.name());
    }

    /** A zip starts a batch; a document is previewed, or imported at once with {@code action=import}. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm String action) {
        if (file == null || file.size() == 0) {
            return refused(400, "Choose a Markdown file (.md) or a zip archive of them to import.");
        }
        String name = file.fileName() == null || file.fileName().isBlank() ? "upload" : file.fileName();
        try {
            if (isZip(file)) {
                try (InputStream in = Files.newInputStream(file.uploadedFile())) {
                    ImportBatchView batch = batches.start(name, in);
                    return Response.seeOther(URI.create("/imports/batches/" + batch.id())).build();
                }
            }
            String markdown = DocumentText.utf8(Files.readAllBytes(file.uploadedFile())).orElse(null);
            if (markdown == null || markdown.isBlank()) {
                return refused(400, "The file " + name + " is empty or not UTF-8 text; choose a Markdown file.");
            }
            return "import".equals(action) ? importDocument(name, markdown) : preview(name, markdown, List.of(), 200);
        } catch (DebriefException refused) {
            return refused(refused.status(), refused.getMessage());
        } catch (IOException e) {
            return refused(400, "The uploaded file could not be read; try again.");
        }
    }

    /** The import form of the preview: the document it showed, as it was uploaded. */
    @POST
    @Path("document")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response importPreviewed(@RestForm String file, @RestForm String source) {
        String markdown;
        try {
            markdown = source == null ? null : DocumentText.utf8(Base64.getDecoder().decode(source)).orElse(null);
        } catch (IllegalArgumentException e) {
            markdown = null;
        }
        if (markdown == null || markdown.isBlank()) {
            return refused(400, "The previewed document did not arrive; upload the file again.");
        }
        return importDocument(file == null || file.isBlank() ? "upload" : file, markdown);
    }

    @GET
    @Path("batches/{id}")
    public TemplateInstance batch(@PathParam("id") long id) {
        return Templates.batch(batches.view(id), currentUser.name());
    }

    private Response importDocument(String name, String markdown) {
        try {
            long id = imports.importDocument(markdown).id();
            return Response.seeOther(URI.create("/postmortems/" + id)).build();
        } catch (DebriefException refused) {
            List<FieldError> errors = refused.errors().isEmpty()
                    ? List.of(new FieldError("document", refused.getMessage())) : refused.errors();
            return preview(name, markdown, errors, refused.status());
        }
    }

    private Response preview(String name, String markdown, List<FieldError> errors, int status) {
        ImportDraft draft = imports.preview(markdown);
        List<Labelled> sections = Arrays.stream(Section.values())
                .map(section -> new Labelled(section.label, section.textIn(draft.postmortem())))
                .filter(section -> section.text() != null && !section.text().isBlank()).toList();
        String encoded = Base64.getEncoder().encodeToString(markdown.getBytes(StandardCharsets.UTF_8));
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.preview(
                new Preview(name, markdown, encoded, draft, sections, errors), currentUser.name())).build();
    }

    /** The upload page again, with what went wrong, under the refusal's status. */
    private Response refused(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.start(new Start(message), currentUser.name())).build();
    }

    private static boolean isZip(FileUpload file) throws IOException {
        if (file.fileName() != null && file.fileName().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return ZipArchive.looksLikeZip(in.readNBytes(4));
        }
    }
}
