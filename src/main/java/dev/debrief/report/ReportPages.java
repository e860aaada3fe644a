package dev.debrief.report;

import dev.debrief.common.CurrentUser;
import dev.debrief.common.Display;
import dev.debrief.common.TeamCalendar;
import dev.debrief.postmortem.NamedEntry;
import dev.debrief.postmortem.PostMortemService;
import dev.debrief.postmortem.Severity;
import dev.debrief.postmortem.TeamService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The monthly packet: charts, the table of months and the comparison with the period before, printable. */
@Path("/reports/monthly")
public class ReportPages {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH);

    @Inject
    MonthlyReportService reports;

    @Inject
    TeamCalendar calendar;

    @Inject
    CurrentUser currentUser;

    @Inject
    Display display;

    @Inject
    TeamService teams;

    @Inject
    RecurrenceService recurrences;

    @Inject
    PostMortemService tags;

    /** How many factors the chart names; the rest are summed as one series. */
    static final int CHARTED_FACTORS = 4;

    /** One line of the period comparison. */
    public record Comparison(String label, String current, String previous, String change) {
    }

    /** What the page shows. */
    public record Page(MonthlyReport report, List<RawString> charts, List<Comparison> comparison, String severity,
            String service, String team, String tag, String query, List<String> teams, List<String> tags,
            Recurrence recurrence) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance monthly(Page page, String user);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance monthly(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("severity") String severity, @QueryParam("service") String service,
            @QueryParam("team") String team, @QueryParam("tag") String tag) {
        ReportRange range = ReportRange.parse(from, to, calendar.currentMonth());
        MonthlyReportService.Filter filter = MonthlyReportService.Filter.of(severity, service, team, tag);
        Severity sev = filter.severity();
        MonthlyReport report = reports.report(range.from(), range.to(), filter);
        List<String> labels = report.months().stream().map(m -> YearMonth.parse(m.month()).format(SHORT)).toList();

        Map<String, long[]> bySeverity = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            bySeverity.put(s.name(), report.months().stream()
                    .mapToLong(m -> m.figures().incidentsBySeverity().get(s.name())).toArray());
        }
        Map<String, Double[]> times = new LinkedHashMap<>();
        times.put("Time to resolve (mean)", report.months().stream()
                .map(m -> m.figures().meanTimeToResolveMinutes()).toArray(Double[]::new));
        times.put("Time to detect (mean)", report.months().stream()
                .map(m -> m.figures().meanTimeToDetectMinutes()).toArray(Double[]::new));
        Map<String, long[]> items = new LinkedHashMap<>();
        items.put("Created", report.months().stream().mapToLong(m -> m.figures().actionItemsCreated()).toArray());
        items.put("Completed", report.months().stream().mapToLong(m -> m.figures().actionItemsCompleted()).toArray());

        List<RawString> charts = new ArrayList<>(List.of(
                new RawString(SvgCharts.stackedBars("chart-incidents", "Incidents per month, by severity",
                        "Incidents", labels, bySeverity)),
                new RawString(SvgCharts.lines("chart-times", "Time to resolve and time to detect (mean minutes)",
                        "Minutes", labels, times)),
                new RawString(SvgCharts.groupedBars("chart-items", "Action items created and completed",
                        "Action items", labels, items))));
        Map<String, long[]> factors = factorSeries(report);
        if (!factors.isEmpty()) {
            charts.add(new RawString(SvgCharts.stackedBars("chart-factors", "Contributing factors named per month",
                    "Incidents", labels, factors)));
        }
        String query = "from=" + range.from() + "&to=" + range.to() + (sev == null ? "" : "&severity=" + sev)
                + parameter("service", service) + parameter("team", team) + parameter("tag", tag);
        return Templates.monthly(new Page(report, charts, compare(report, display.writeUpWindow()),
                sev == null ? "" : sev.name(), orEmpty(service), NamedEntry.shownAmong(teams.names(), team),
                orEmpty(tag), query, teams.names(),
                tags.tagsInUse().stream().map(PostMortemService.TagUse::tag).toList(),
                recurrences.recurrence(RecurrenceService.DEFAULT_DAYS, team, tag)), currentUser.name());
    }

    private static String parameter(String name, String value) {
        return value == null || value.isBlank() ? "" : "&" + name + "=" + URLEncoder.encode(value.strip(),
                StandardCharsets.UTF_8);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /**
     * The factors of the range as chart series: the {@link #CHARTED_FACTORS} most named over the range, then the
     * others summed, so the chart has at most as many series as colours.
     */
    static Map<String, long[]> factorSeries(MonthlyReport report) {
        List<String> ranked = report.totals().figures().factors().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.<String, Long>comparingByKey()))
                .map(Map.Entry::getKey).toList();
        Map<String, long[]> series = new LinkedHashMap<>();
        int months = report.months().size();
        for (int i = 0; i < ranked.size(); i++) {
            String name = i < CHARTED_FACTORS || ranked.size() == CHARTED_FACTORS + 1 ? ranked.get(i) : "Other factors";
            long[] values = series.computeIfAbsent(name, n -> new long[months]);
            for (int m = 0; m < months; m++) {
                values[m] += report.months().get(m).figures().factors().getOrDefault(ranked.get(i), 0L);
            }
        }
        return series;
    }

    /** The period comparison; {@code window} is the write-up window in words, as the settings make it. */
    private static List<Comparison> compare(MonthlyReport report, String window) {
        Figures now = report.totals().figures();
        Figures before = report.previousPeriod().figures();
        List<Comparison> rows = new ArrayList<>();
        rows.add(count("Incidents", now.incidents(), before.incidents()));
        rows.add(minutes("Time to detect, mean", now.meanTimeToDetectMinutes(), before.meanTimeToDetectMinutes()));
        rows.add(minutes("Time to detect, median", now.medianTimeToDetectMinutes(),
                before.medianTimeToDetectMinutes()));
        rows.add(minutes("Time to resolve, mean", now.meanTimeToResolveMinutes(), before.meanTimeToResolveMinutes()));
        rows.add(minutes("Time to resolve, median", now.medianTimeToResolveMinutes(),
                before.medianTimeToResolveMinutes()));
        rows.add(count("Post-mortems published", now.postmortemsPublished(), before.postmortemsPublished()));
        rows.add(rate("Published within " + window, now.publishedWithin48hRate(), before.publishedWithin48hRate()));
        rows.add(count("Action items created", now.actionItemsCreated(), before.actionItemsCreated()));
        rows.add(count("Action items completed", now.actionItemsCompleted(), before.actionItemsCompleted()));
        rows.add(count("Completed on time", now.actionItemsCompletedOnTime(), before.actionItemsCompletedOnTime()));
        rows.add(count("Action items dropped", now.actionItemsDropped(), before.actionItemsDropped()));
        rows.add(count("Overdue at the end", now.actionItemsOverdueAtMonthEnd(),
                before.actionItemsOverdueAtMonthEnd()));
        return rows;
    }

    private static Comparison count(String label, long now, long before) {
        return new Comparison(label, String.valueOf(now), String.valueOf(before), signed(now - before)
                + (before == 0 ? "" : String.format(Locale.ROOT, " (%+.0f%%)", 100.0 * (now - before) / before)));
    }

    private static Comparison minutes(String label, Double now, Double before) {
        return new Comparison(label, format(now, " min"), format(before, " min"),
                now == null || before == null ? "—" : String.format(Locale.ROOT, "%+.1f min", now - before));
    }

    private static Comparison rate(String label, Double now, Double before) {
        return new Comparison(label, percent(now), percent(before), now == null || before == null ? "—"
                : String.format(Locale.ROOT, "%+.0f points", 100 * (now - before)));
    }

    private static String signed(long value) {
        return value > 0 ? "+" + value : String.valueOf(value);
    }

    private static String format(Double value, String unit) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f%s", value, unit);
    }

    private static String percent(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * value);
    }
}
