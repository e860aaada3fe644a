package dev.debrief.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The team's calendar: its zone and the day its week starts ({@code debrief.time-zone}, {@code debrief.week-start}),
 * and "today" and "this month" as the team sees them, the injected clock read in that zone.
 */
@ApplicationScoped
public class TeamCalendar {

    @Inject
    Clock clock;

    @Inject
    DebriefConfig config;

    public LocalDate today() {
        return clock.instant().atZone(zone()).toLocalDate();
    }

    public YearMonth currentMonth() {
        return YearMonth.from(today());
    }

    public ZoneId zone() {
        return config.timeZone();
    }

    public DayOfWeek weekStart() {
        return config.weekStart();
    }
}
