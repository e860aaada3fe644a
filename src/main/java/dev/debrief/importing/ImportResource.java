package dev.debrief.importing;

import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.QueryParams;
import dev.debrief.postmortem.PostMortemView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Imports post-mortems from Markdown; docs/import.md has the rules and docs/api.md the contract. */
@Path("/api/imports")
public class ImportResource {

    static final String MARKDOWN = "text/markdown";

    @Inject
    ImportService imports;

    /** One Markdown document: 201 and the new post-mortem, or with {@code dryRun=true} 200 and the preview. */
    @POST
    @Consumes({MARKDOWN, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importOne(@QueryParam("dryRun") String dryRun, String markdown) {
        boolean preview = QueryParams.parsed("dryRun", dryRun, false, ImportResource::flag, "must be true or false");
        if (markdown == null || markdown.isBlank()) {
            throw InvalidFieldsException.of("body", "is empty: send one Markdown document");
        }
        if (preview) {
            return Response.ok(imports.preview(markdown)).build();
        }
        PostMortemView created = imports.importDocument(markdown);
        return Response.created(URI.create("/api/postmortems/" + created.id())).entity(created).build();
    }

    private static boolean flag(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }
}
