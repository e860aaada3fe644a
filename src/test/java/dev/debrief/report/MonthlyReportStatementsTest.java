package dev.debrief.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.MutableClock;
import dev.debrief.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The report's cost: how many statements it takes, whatever the range and the amount of history. */
@QuarkusTest
class MonthlyReportStatementsTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    MonthlyReportService reports;

    @Inject
    SessionFactory sessions;

    private History history;

    @BeforeEach
    void reset() {
        data.reset();
        history = new History(clock);
    }

    @Test
    void statementCountIsTheSameForAnyRangeAndAmountOfHistory() {
        long small = statementsFor(YearMonth.of(2026, 1), YearMonth.of(2026, 1));
        history.addTwoIncidents();
        generateImprovingYearLite();
        long large = statementsFor(YearMonth.of(2025, 3), YearMonth.of(2026, 2));
        assertThat(large).isEqualTo(small).isEqualTo(11);
    }

    private void generateImprovingYearLite() {
        for (int k = 0; k < 6; k++) {
            Instant start = YearMonth.of(2025, 4).plusMonths(k).atDay(3).atTime(9, 0).toInstant(ZoneOffset.UTC);
            history.add(new History.Incident("SEV2", "STAFF", "api", start, start.plusSeconds(60),
                    start.plusSeconds(600), null, List.of(new History.Item("PREVENTION", start.plusSeconds(900),
                            start.atZone(UTC).toLocalDate().plusDays(3), null, null))));
        }
        clock.reset();
    }

    private long statementsFor(YearMonth from, YearMonth to) {
        sessions.getStatistics().clear();
        reports.report(from, to, new MonthlyReportService.Filter(null, null));
        return sessions.getStatistics().getPrepareStatementCount();
    }
}
