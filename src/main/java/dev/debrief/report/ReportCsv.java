package dev.debrief.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as CSV (RFC 4180, via Commons CSV): one row per month, the JSON names as columns, nested maps
 * flattened as {@code incidentsBySeverity.SEV1}; an undefined mean or rate is an empty cell.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static String write(MonthlyReport report) {
        List<String> header = new ArrayList<>();
        header.add("month");
        if (!report.months().isEmpty()) {
            flatten(report.months().get(0).figures()).forEach((name, value) -> header.add(name));
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new))
                .get())) {
            for (MonthlyReport.Month month : report.months()) {
                List<Object> row = new ArrayList<>();
                row.add(month.month());
                flatten(month.figures()).forEach((name, value) -> row.add(value == null ? "" : value));
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Map<String, Object> flatten(Figures f) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("incidents", f.incidents());
        f.incidentsBySeverity().forEach((k, v) -> row.put("incidentsBySeverity." + k, v));
        row.put("meanTimeToDetectMinutes", f.meanTimeToDetectMinutes());
        row.put("medianTimeToDetectMinutes", f.medianTimeToDetectMinutes());
        row.put("meanTimeToResolveMinutes", f.meanTimeToResolveMinutes());
        row.put("medianTimeToResolveMinutes", f.medianTimeToResolveMinutes());
        f.detectionSources().forEach((k, v) -> row.put("detectionSources." + k, v));
        row.put("postmortemsPublished", f.postmortemsPublished());
        row.put("publishedWithin48h", f.publishedWithin48h());
        row.put("publishedWithin48hRate", f.publishedWithin48hRate());
        row.put("actionItemsCreated", f.actionItemsCreated());
        row.put("actionItemsCompleted", f.actionItemsCompleted());
        row.put("actionItemsCompletedOnTime", f.actionItemsCompletedOnTime());
        row.put("actionItemsDropped", f.actionItemsDropped());
        row.put("actionItemsOverdueAtMonthEnd", f.actionItemsOverdueAtMonthEnd());
        f.actionItemsByKind().forEach((k, v) -> row.put("actionItemsByKind." + k, v));
        f.factors().forEach((k, v) -> row.put("factors." + k, v));
        return row;
    }
}
