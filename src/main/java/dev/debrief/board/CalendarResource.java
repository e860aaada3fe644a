package dev.debrief.board;

import dev.debrief.common.QueryParams;
import dev.debrief.postmortem.ActionItem;
import dev.debrief.postmortem.IncidentDocument;
import dev.debrief.postmortem.OpenWork;
import dev.debrief.postmortem.TimeBounds;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Open action items' due dates as an iCalendar feed (RFC 5545): one all-day event per item, with a UID that
 * stays the same for the item's life, so calendar clients update events instead of duplicating them.
 */
@Path("/api/calendar.ics")
public class CalendarResource {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Inject
    OpenWork work;

    @Inject
    Clock clock;

    @GET
    @Produces("text/calendar")
    @Transactional
    public Response calendar(@QueryParam("owner") String owner, @QueryParam("team") String team,
            @QueryParam("tag") String tag) {
        List<ActionItem> items = work.openItems(new OpenWork.Filter(QueryParams.text("owner", owner), null, null, null,
                        QueryParams.text("team", team), QueryParams.text("tag", tag))).stream()
                // A due date outside 1970 to 9999 was accepted before TimeBounds; a calendar cannot write it.
                .filter(item -> item.getDueDate() != null && TimeBounds.holds(item.getDueDate())).toList();
        String stamp = STAMP.format(clock.instant().atOffset(ZoneOffset.UTC));
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Debrief//Action items//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:" + text("Debrief action items" + (owner == null || owner.isBlank() ? ""
                : " of " + owner.strip()) + (team == null || team.isBlank() ? "" : " (team " + team.strip() + ")")
                + (tag == null || tag.isBlank() ? "" : " tagged " + IncidentDocument.tag(tag))));
        for (ActionItem item : items) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:action-item-" + item.getId() + "@debrief");
            line(ics, "DTSTAMP:" + stamp);
            line(ics, "DTSTART;VALUE=DATE:" + DATE.format(item.getDueDate()));
            LocalDate dayAfter = item.getDueDate().plusDays(1);
            if (TimeBounds.holds(dayAfter)) {
                // Without it an all-day event lasts its one day (RFC 5545), as one due on 9999-12-31 must.
                line(ics, "DTEND;VALUE=DATE:" + DATE.format(dayAfter));
            }
            line(ics, "SUMMARY:" + text("Due: " + item.getTitle()));
            line(ics, "DESCRIPTION:" + text("Action item " + item.getPriority() + " of the post-mortem \""
                    + item.getPostMortem().getTitle() + "\". Owner: " + (item.getOwner() == null ? "none"
                    : item.getOwner()) + (item.getTeamName() == null ? "" : ". Team: " + item.getTeamName())
                    + ". Kind: " + item.getKind() + "."));
            line(ics, "TRANSP:TRANSPARENT");
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return Response.ok(ics.toString(), "text/calendar; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"debrief-action-items.ics\"").build();
    }

    /** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545, 3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Content lines end with CRLF and fold at 75 octets, continuing with a space (RFC 5545, 3.1). */
    static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        boolean first = true;
        while (start < bytes.length) {
            int limit = first ? 75 : 74;
            int end = Math.min(bytes.length, start + limit);
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            out.append(first ? "" : " ").append(new String(bytes, start, end - start, StandardCharsets.UTF_8))
                    .append("\r\n");
            start = end;
            first = false;
        }
        if (bytes.length == 0) {
            out.append("\r\n");
        }
    }
}
