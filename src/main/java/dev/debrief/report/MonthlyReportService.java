package dev.debrief.report;

import dev.debrief.common.QueryParams;
import dev.debrief.common.DebriefConfig;
import dev.debrief.postmortem.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import org.hibernate.Session;

/**
 * Computes the monthly report (docs/metrics.md defines the figures): {@link ReportQueries} aggregates in the
 * database, one GROUP BY over an indexed time column per kind of event, so the database returns one row per
 * month rather than the post-mortems themselves and the number of statements is the same whatever the range or
 * the amount of history; {@link ReportAssembly} turns those rows into the report. Months are calendar months in
 * the team's time zone.
 */
@ApplicationScoped
public class MonthlyReportService {

    @Inject
    Session session;

    @Inject
    Clock clock;

    @Inject
    DebriefConfig config;

    /**
     * Filters of the report; null means "all". Teams and tags match whatever their case; an action item belongs to
     * its own team, else to its post-mortem's.
     */
    public record Filter(Severity severity, String service, String team, String tag) {

        public static final Filter ALL = new Filter(null, null, null, null);

        public Filter(Severity severity, String service) {
            this(severity, service, null, null);
        }

        /** The filter named by a request's query parameters, each refused with a 400 naming it when unreadable. */
        public static Filter of(String severity, String service, String team, String tag) {
            return new Filter(QueryParams.enumValue("severity", severity, Severity.class),
                    QueryParams.text("service", service), QueryParams.text("team", team), QueryParams.text("tag", tag));
        }
    }

    @Transactional
    public MonthlyReport report(YearMonth from, YearMonth to, Filter filter) {
        return report(from, to, filter, config.timeZone());
    }

    @Transactional
    public MonthlyReport report(YearMonth from, YearMonth to, Filter filter, ZoneId zone) {
        ReportQueries queries = new ReportQueries(session, zone, filter, config.writeUpWindow());
        ReportAssembly range = new ReportAssembly(from, to, zone, clock.instant());
        // One pass per kind of event over both periods, grouped by month: the periods' counts and means are sums
        // of their months; only their medians need a statement of their own.
        return range.assemble(new ReportRows.All(
                queries.incidentsByMonth(range.previousStart(), range.end(), range.rangeStart()),
                queries.factorsByMonth(range.previousStart(), range.end()),
                queries.periodMedians(range.previousStart(), range.rangeStart(), range.end()),
                queries.publishedByMonth(range.previousStart(), range.end()),
                queries.itemsCreatedByMonth(range.previousStart(), range.end()),
                queries.itemsCompletedByMonth(range.previousStart(), range.end()),
                queries.itemsDroppedByMonth(range.previousStart(), range.end()),
                queries.overdueSpans(range.previousStart(), range.endOrNow(), range.previousFirstDay(),
                        range.dayAfter()),
                queries.openItems(range.previousStart(), range.previousFirstDay(), range.now(), range.today()),
                queries.lastMajorIncident(range.endOrNow()),
                queries.majorIncidentStarts(range.rangeStart(), range.endOrNow())));
    }
}
