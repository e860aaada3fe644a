package dev.debrief.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/** The monthly incident-trend report: one entry per month, the period's totals and the period before. */
public record MonthlyReport(
        String from,
        String to,
        String timeZone,
        List<Month> months,
        Period totals,
        Period previousPeriod,
        Long daysSinceLastMajorIncident,
        Long longestRunWithoutMajorIncidentDays) {

    /** One month's figures, {@code month} as {@code 2026-01}. */
    public record Month(String month, @JsonUnwrapped Figures figures) {
    }

    /** A period's figures ({@code from} and {@code to} are months, both included). */
    public record Period(String from, String to, @JsonUnwrapped Figures figures) {
    }
}
