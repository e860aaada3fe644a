package dev.debrief.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

/** "Today" and "this month" as the team sees them: the injected clock read in {@code debrief.time-zone}. */
@ApplicationScoped
public class TeamCalendar {

    @Inject
    Clock clock;

    @Inject
    DebriefConfig config;

    public LocalDate today() {
        return clock.instant().atZone(config.timeZone()).toLocalDate();
    }

    public YearMonth currentMonth() {
        return YearMonth.from(today());
    }
}
