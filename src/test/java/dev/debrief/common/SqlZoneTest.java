package dev.debrief.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which time zones the reports' SQL can name, and so which ones Debrief starts with. */
class SqlZoneTest {

    @ParameterizedTest(name = "{0} is named {1}")
    @CsvSource({
        "Europe/Berlin, Europe/Berlin",
        "America/Argentina/Buenos_Aires, America/Argentina/Buenos_Aires",
        "Etc/GMT-1, Etc/GMT-1",
        "UTC, UTC",
        "Z, UTC",
        "+00:00, UTC",
        "GMT, UTC",
    })
    void aRegionOrUtcHasAName(String zone, String name) {
        assertThat(SqlZone.nameOf(ZoneId.of(zone))).contains(name);
    }

    /** GMT+1 and UTC+01:00 are regions to Java but offsets in fact: they once passed the start and failed every report. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+01:00", "-05:30", "GMT+1", "UTC+01:00", "UT-3"})
    void anOffsetOtherThanZeroHasNoneAndStopsTheStart(String zone) {
        assertThat(SqlZone.nameOf(ZoneId.of(zone))).isEmpty();
        assertThatIllegalStateException().isThrownBy(() -> LimitsCheck.requireRegion(ZoneId.of(zone)))
                .withMessageContaining("debrief.time-zone must be a region");
    }
}
