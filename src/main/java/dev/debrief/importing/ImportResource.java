package dev.debrief.importing;

import dev.debrief.common.DebriefException;
import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.QueryParams;
import dev.debrief.postmortem.PostMortemView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
    public Response importOne(@QueryParam("dryRun") String dryRun, @HeaderParam("Content-Type") MediaType type,
            byte[] body) {
        boolean preview = QueryParams.parsed("dryRun", dryRun, false, ImportResource::flag, "must be true or false");
        String markdown = markdownOf(body, charsetOf(type));
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

    /** The document's text; refuses an empty body, an archive sent as if it were a document, and bytes not text. */
    static String markdownOf(byte[] body, Charset charset) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (ZipArchive.looksLikeZip(Arrays.copyOf(bytes, Math.min(4, bytes.length)))) {
            throw new UnsupportedBody();
        }
        String markdown = DocumentText.decode(bytes, charset).orElseThrow(() -> InvalidFieldsException.of("body",
                "is not " + charset.name() + " text: save the document as UTF-8, or name its encoding in the "
                        + "Content-Type (text/markdown; charset=windows-1252)"));
        if (markdown.isBlank()) {
            throw InvalidFieldsException.of("body", "is empty: send one Markdown document");
        }
        return markdown;
    }

    /** The encoding the Content-Type names, UTF-8 if none; one Java does not know is refused naming the header. */
    private static Charset charsetOf(MediaType type) {
        String named = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return named == null ? StandardCharsets.UTF_8 : Charset.forName(named.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidFieldsException.of("Content-Type", "names the encoding '" + named + "', which is unknown: "
                    + "send the document as UTF-8");
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
