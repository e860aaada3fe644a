package dev.debrief.postmortem;

import dev.debrief.audit.AuditEntry;
import dev.debrief.common.ConflictException;
import dev.debrief.common.CurrentUser;
import dev.debrief.common.DebriefConfig;
import dev.debrief.common.Display;
import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.QueryParams;
import dev.debrief.common.ResultPage;
import dev.debrief.common.StaleVersionException;
import dev.debrief.common.UnprocessableException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages for writing a post-mortem within the write-up window: home with the write-up clocks, the list, the write
 * and edit form, the post-mortem as the team reads it, and its Markdown download. Every form POST answers
 * with a redirect (Post/Redirect/Get), or with the form again, everything typed kept, when something is wrong.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PostMortemPages {

    @Inject
    PostMortemService service;

    @Inject
    RelatedIncidents related;

    @Inject
    BlamelessCheck blameless;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    MarkdownExport export;

    @Inject
    Display display;

    @Inject
    WritePageSave pageSave;

    @Inject
    CurrentUser currentUser;

    @Inject
    DebriefConfig config;

    @Inject
    TeamService teams;

    @Inject
    FactorService factors;

    @Inject
    ItemHistoryLines historyLines;

    @Inject
    ActionItemTickets tickets;

    /** A row of home or the list, with its clock. */
    public record Row(PostMortemSummary pm, WriteUpClock clock) {
    }

    /** Home: counts, then the write-ups due, most urgent first, then the latest published. */
    public record Home(List<Row> due, List<Row> published, long overdue, long dueSoon, long unresolved) {
    }

    /** The post-mortem page. */
    public record View(PostMortemView pm, WriteUpClock clock, Map<String, RawString> html,
            List<FieldError> missing, List<BlamelessCheck.SectionHits> warnings, String notice,
            List<ItemHistoryLines.Line> history, List<AuditEntry> changes,
            List<RelatedIncidents.Suggestion> suggestions, Map<Long, ActionItemTickets.Ticket> tickets,
            boolean canOpenTickets) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Home home, String user);

        static native TemplateInstance list(ListPage list, String user);

        static native TemplateInstance view(View view, String user, boolean canEdit);

        static native TemplateInstance form(FormPage page, String user);
    }

    /** The form with the choices it offers: the teams, and the tags in use to suggest. */
    private FormPage formPage(Long id, PostMortemForm form, Map<String, String> errors,
            List<BlamelessCheck.SectionHits> warnings) {
        return new FormPage(id, form, errors, Map.of(), List.of(), warnings, teams.names(), tagNames(), factors.list());
    }

    private List<String> tagNames() {
        return service.tagsInUse().stream().map(PostMortemService.TagUse::tag).toList();
    }

    @GET
    public TemplateInstance home() {
        Instant now = service.currentTime();
        List<Row> due = service.writeUpsDue().stream().map(pm -> row(pm, now)).toList();
        List<Row> published = service.recentlyPublished(10).stream().map(pm -> row(pm, now)).toList();
        long overdue = due.stream().filter(r -> r.clock().state() == WriteUpClock.State.OVERDUE).count();
        long soon = due.stream().filter(r -> r.clock().state() == WriteUpClock.State.SOON).count();
        long unresolved = due.stream().filter(r -> r.clock().state() == WriteUpClock.State.UNRESOLVED).count();
        return Templates.home(new Home(due, published, overdue, soon, unresolved), user());
    }

    @GET
    @Path("postmortems")
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("severity") String severity,
            @QueryParam("service") String serviceName, @QueryParam("team") String team, @QueryParam("tag") String tag,
            @QueryParam("factor") String factor, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("q") String q, @QueryParam("page") String page) {
        int pageIndex = QueryParams.intValue("page", page, 0, 0, 1_000_000);
        PostMortemSearch.Params typed = new PostMortemSearch.Params(orEmpty(status), orEmpty(severity),
                orEmpty(serviceName), orEmpty(team), orEmpty(tag), orEmpty(factor), orEmpty(from), orEmpty(to),
                orEmpty(q));
        PostMortemSearch search = PostMortemSearch.of(typed, pageIndex, PostMortemSearch.DEFAULT_SIZE,
                config.timeZone());
        ResultPage<FoundPostMortem> result = service.search(search);
        Instant now = service.currentTime();
        List<ListPage.Found> rows = result.items().stream()
                .map(found -> ListPage.Found.of(found, search.terms(), row(found.summary(), now).clock())).toList();
        // The controls show the choices as the filter understood them, whatever case they were typed in.
        List<String> teamNames = teams.names();
        List<String> factorNames = factors.names();
        PostMortemSearch.Params shown = new PostMortemSearch.Params(
                search.status() == null ? "" : search.status().name(),
                search.severity() == null ? "" : search.severity().name(), typed.service(),
                NamedEntry.shownAmong(teamNames, team), typed.tag(), NamedEntry.shownAmong(factorNames, factor),
                typed.from(), typed.to(), typed.q());
        return Templates.list(new ListPage(rows, result.total(), pageIndex, result.size(), shown, pageIndex > 0,
                (long) (pageIndex + 1) * result.size() < result.total(), teamNames, tagNames(), factorNames), user());
    }

    @GET
    @Path("postmortems/new")
    public TemplateInstance newForm() {
        return Templates.form(formPage(null, new PostMortemForm(), Map.of(), List.of()), user());
    }

    @POST
    @Path("postmortems")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam PostMortemForm form) {
        return save(null, form, FormSubmission.read(form, display));
    }

    @GET
    @Path("postmortems/{id}")
    public TemplateInstance view(@PathParam("id") long id, @QueryParam("notice") String notice) {
        PostMortemView pm = service.read(id);
        Map<String, RawString> html = new LinkedHashMap<>();
        pm.sectionFields().forEach((field, text) -> {
            if (text != null && !text.isBlank()) {
                html.put(field, markdown.toHtml(text));
            }
        });
        List<FieldError> missing = service.missingForPublication(id);
        List<BlamelessCheck.SectionHits> warnings = blameless.check(pm.document());
        WriteUpClock clock = WriteUpClock.of(pm.timing().writeUpDueAt(), pm.status() == PostMortemStatus.PUBLISHED,
                service.currentTime());
        Map<Long, ActionItemTickets.Ticket> linked = tickets.forItems(pm.actionItems().stream()
                .map(ActionItemView::id).toList());
        return Templates.view(new View(pm, clock, html, missing, warnings, PageNotice.textOf(notice),
                historyLines.of(pm), service.history(id, false),
                currentUser.isEditor() ? related.suggestions(id) : List.of(), linked, tickets.canOpen()), user(),
                currentUser.isEditor());
    }

    @GET
    @Path("postmortems/{id}/edit")
    public TemplateInstance editForm(@PathParam("id") long id) {
        PostMortemView pm = service.get(id);
        return Templates.form(formPage(id, PostMortemForm.of(pm, display), Map.of(),
                blameless.check(pm.document())), user());
    }

    @POST
    @Path("postmortems/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @BeanParam PostMortemForm form) {
        return save(id, form, FormSubmission.read(form, service.get(id).document(), display));
    }

    @POST
    @Path("postmortems/{id}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") long id) {
        try {
            service.publish(id, null);
            return seeOther("/postmortems/" + id + "?notice=" + PageNotice.PUBLISHED.code);
        } catch (UnprocessableException | ConflictException e) {
            return seeOther("/postmortems/" + id + "?notice=" + PageNotice.NOT_READY.code);
        }
    }

    @GET
    @Path("postmortems/{id}.md")
    @Produces("text/markdown")
    public Response download(@PathParam("id") long id) {
        PostMortemView pm = service.get(id);
        return Response.ok(export.export(pm), "text/markdown; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"postmortem-" + id + ".md\"")
                .build();
    }

    private Response save(Long id, PostMortemForm form, FormSubmission submission) {
        Map<String, String> errors = new LinkedHashMap<>();
        submission.unreadable().forEach(e -> errors.putIfAbsent(formField(e.field()), e.message()));
        pageSave.check(submission).forEach(e -> errors.putIfAbsent(formField(e.field()), e.message()));
        if (!errors.isEmpty()) {
            return withStatus(400, Templates.form(formPage(id, form, errors, List.of()), user()));
        }
        try {
            long saved = pageSave.save(id, submission);
            return seeOther("/postmortems/" + saved + "?notice=" + PageNotice.SAVED.code);
        } catch (StaleVersionException e) {
            PostMortemView theirs = service.get(id);
            List<FormDifferences.Difference> differences = FormDifferences.between(form, theirs, display);
            form.rebaseOn(theirs);
            String conflict = Long.valueOf(theirs.version()).equals(submission.document().version())
                    ? "An action item in your form was changed or deleted by someone else."
                    : "You started from version " + submission.document().version() + "; the stored version is now "
                            + theirs.version() + ".";
            return withStatus(409, Templates.form(new FormPage(id, form, Map.of("conflict", conflict),
                    theirs.sectionFields(), differences, List.of(), teams.names(), tagNames(), factors.list()), user()));
        } catch (InvalidFieldsException | UnprocessableException | ConflictException e) {
            Map<String, String> refused = new LinkedHashMap<>();
            e.errors().forEach(error -> refused.putIfAbsent(formField(error.field()), error.message()));
            if (refused.isEmpty()) {
                refused.put("form", e.getMessage());
            }
            return withStatus(e.status(), Templates.form(formPage(id, form, refused, List.of()), user()));
        }
    }

    /**
     * The form field an error belongs beside: list entries typed in one box ({@code services[2]}) belong to
     * that box; timeline rows and item slots have a field each.
     */
    static String formField(String field) {
        return field.matches("(services|tags|attendees|considered)\\[\\d+]") ? field.substring(0, field.indexOf('['))
                : field;
    }

    private static Row row(PostMortemSummary pm, Instant now) {
        return new Row(pm, WriteUpClock.of(pm.timing().writeUpDueAt(), pm.status() == PostMortemStatus.PUBLISHED, now));
    }

    private String user() {
        return currentUser.name();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Response withStatus(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page).build();
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
