package dev.debrief.importing;

import dev.debrief.common.DebriefException;
import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.QueryParams;
import dev.debrief.postmortem.PostMortemView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Imports post-mortems from Markdown; docs/import.md has the rules and docs/api.md the contract. */
@Path("/api/imports")
public class ImportResource {

    static final String MARKDOWN = "text/markdown";
    static final String ZIP = "application/zip";
    /** What some browsers and Windows call a zip file. */
    static final String ZIP_WINDOWS = "application/x-zip-compressed";

    @Inject
    ImportService imports;

    @Inject
    ImportBatches batches;

    /** One Markdown document: 201 and the new post-mortem, or with {@code dryRun=true} 200 and the preview. */
    @POST
    @Consumes({MARKDOWN, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importOne(@QueryParam("dryRun") String dryRun, String markdown) {
        boolean preview = QueryParams.parsed("dryRun", dryRun, false, ImportResource::flag, "must be true or false");
        requireMarkdown(markdown);
        if (preview) {
            return Response.ok(imports.preview(markdown)).build();
        }
        PostMortemView created = imports.importDocument(markdown);
        return Response.created(URI.create("/api/postmortems/" + created.id())).entity(created).build();
    }

    /** A zip archive of Markdown documents: 202 and the batch's id; the documents are imported in the background. */
    @POST
    @Consumes({ZIP, ZIP_WINDOWS})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importArchive(InputStream archive) {
        ImportBatchView batch = batches.start("archive.zip", archive);
        return Response.accepted(Map.of("id", batch.id())).location(URI.create("/api/imports/" + batch.id()))
                .build();
    }

    /** Any other body: 415 naming the two that are taken. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response otherBody() {
        throw new UnsupportedBody();
    }

    /** How far an archive's import has come, and what it created, skipped or could not import. */
    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ImportBatchView batch(@PathParam("id") long id) {
        return batches.view(id);
    }

    /** Refuses an empty body, and an archive sent as if it were a document. */
    static void requireMarkdown(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            throw InvalidFieldsException.of("body", "is empty: send one Markdown document");
        }
        if (ZipArchive.looksLikeZip(markdown.substring(0, Math.min(4, markdown.length()))
                .getBytes(StandardCharsets.ISO_8859_1))) {
            throw new UnsupportedBody();
        }
    }

    private static boolean flag(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    /** 415: the body is neither one Markdown document nor a zip archive of them. */
    static final class UnsupportedBody extends DebriefException {

        private static final long serialVersionUID = 1L;

        private static final String WHAT = "must be one Markdown document (Content-Type: text/markdown) or a zip "
                + "archive of them (Content-Type: application/zip)";

        UnsupportedBody() {
            super(415, "Unsupported media type", "The request body " + WHAT + ".",
                    List.of(new FieldError("Content-Type", WHAT)));
        }
    }
}
