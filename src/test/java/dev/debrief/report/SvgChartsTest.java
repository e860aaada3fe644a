package dev.debrief.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.Contrast;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgChartsTest {

    private static final Pattern TICK = Pattern.compile("text-anchor=\"end\"[^>]*>([^<]*)</text>");

    /** WCAG 2.1 SC 1.4.11: each series' bars stand out at least 3:1 from the white chart (five series at most). */
    @Test
    void everySeriesColourStandsOutFromTheChart() {
        Map<String, long[]> series = new LinkedHashMap<>();
        for (String name : List.of("Config change", "Capacity", "Dependency", "Monitoring gap", "Other factors")) {
            series.put(name, new long[] {1});
        }
        String svg = SvgCharts.stackedBars("c", "Incidents", "Incidents", List.of("2026-01"), series);

        Matcher fill = Pattern.compile("<rect [^>]*fill=\"(#[0-9a-f]{6})\"").matcher(svg);
        List<String> colours = new ArrayList<>();
        while (fill.find()) {
            colours.add(fill.group(1));
        }
        assertThat(colours).isNotEmpty().allSatisfy(colour -> assertThat(Contrast.ratio(colour, "#ffffff"))
                .as(colour).isGreaterThanOrEqualTo(3));
    }

    @Test
    void aCountAxisOfOneIncidentHasOnlyWholeTicks() {
        Map<String, long[]> series = new LinkedHashMap<>();
        series.put("SEV1", new long[] {0, 1});
        String svg = SvgCharts.stackedBars("c", "Incidents", "Incidents", List.of("2026-01", "2026-02"), series);

        assertThat(ticks(svg)).containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    void everyCountAxisTopIsFourWholeSteps() {
        for (int max = 0; max <= 5000; max++) {
            long top = SvgCharts.countMax(max);
            assertThat(top).as("top for " + max).isGreaterThanOrEqualTo(max);
            assertThat(top % 4).as("top for " + max).isZero();
        }
        assertThat(SvgCharts.countMax(15)).isEqualTo(20);
        assertThat(SvgCharts.countMax(104)).isEqualTo(200);
    }

    @Test
    void groupedBarsOfSmallCountsHaveWholeTicks() {
        Map<String, long[]> series = new LinkedHashMap<>();
        series.put("Created", new long[] {3, 0});
        series.put("Completed", new long[] {1, 2});
        String svg = SvgCharts.groupedBars("i", "Items", "Items", List.of("2026-01", "2026-02"), series);

        assertThat(ticks(svg)).allSatisfy(tick -> assertThat(tick).matches("\\d+"));
    }

    private static List<String> ticks(String svg) {
        List<String> ticks = new ArrayList<>();
        Matcher m = TICK.matcher(svg);
        while (m.find()) {
            ticks.add(m.group(1));
        }
        return ticks;
    }
}
