package dev.debrief.demo;

import dev.debrief.board.Decision;
import dev.debrief.board.PastReviews;
import dev.debrief.postmortem.ActionItem;
import dev.debrief.postmortem.ActionItemStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

/**
 * The demo year's weekly reviews: twelve, on Mondays at 10:00 before the current week, each taking decisions on
 * the items open then, in line with the end the demo planned for each.
 */
final class DemoReviews {

    private static final int WEEKS = 12;
    private static final String CHAIR = "admin";

    private final PastReviews pastReviews;
    private final Random random;

    DemoReviews(PastReviews pastReviews, Random random) {
        this.pastReviews = pastReviews;
        this.random = random;
    }

    /** Holds the reviews, applying the decisions to the items, and returns the reviews' ids. */
    List<Long> hold(List<DemoPostMortems.Planned> items, Instant now, ZoneId zone) {
        List<Long> ids = new ArrayList<>();
        LocalDate thisMonday = now.atZone(zone).toLocalDate().with(DayOfWeek.MONDAY);
        for (int w = WEEKS; w >= 1; w--) {
            LocalDate monday = thisMonday.minusWeeks(w);
            Instant start = monday.atTime(LocalTime.of(10, 0)).atZone(zone).toInstant();
            Instant next = start.plus(Duration.ofDays(7));
            List<PastReviews.PastDecision> decisions = new ArrayList<>();
            Instant at = start;
            for (DemoPostMortems.Planned p : items) {
                ActionItem item = p.item();
                DemoPostMortems.Fate fate = p.fate();
                boolean openNow = item.getCreatedAt().isBefore(start) && !fate.applied
                        && (fate.status == null || fate.at.isAfter(start));
                if (!openNow || decisions.size() >= 10) {
                    continue;
                }
                at = at.plus(Duration.ofMinutes(2));
                LocalDate previousDue = item.getDueDate();
                if (fate.status != null && fate.at.isBefore(next) && random.nextBoolean()) {
                    boolean done = fate.status == ActionItemStatus.DONE;
                    String reason = done ? null
                            : DemoIncidents.DROP_REASONS.get(random.nextInt(DemoIncidents.DROP_REASONS.size()));
                    p.settle(at, reason);
                    decisions.add(new PastReviews.PastDecision(item.getId(), done ? Decision.DONE : Decision.DROP,
                            previousDue, null, reason, done ? "Merged and verified in production" : null, at));
                } else if (previousDue.isBefore(monday)) {
                    // Only items that get done later slip to a new date, so the ones left open stay overdue now.
                    if (fate.status != null && random.nextInt(100) < 40) {
                        LocalDate newDue = monday.plusDays(14);
                        String reason = DemoIncidents.REDATE_REASONS.get(random.nextInt(
                                DemoIncidents.REDATE_REASONS.size()));
                        item.redate(newDue, reason, monday, at);
                        decisions.add(new PastReviews.PastDecision(item.getId(), Decision.REDATE, previousDue, newDue,
                                reason, null, at));
                    } else {
                        decisions.add(new PastReviews.PastDecision(item.getId(), Decision.KEEP, previousDue, null,
                                null, "Still the right item; the owner confirmed the date", at));
                    }
                }
            }
            List<String> attendees = new ArrayList<>(DemoIncidents.ATTENDEES);
            Collections.shuffle(attendees, random);
            String week = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                    + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            ids.add(pastReviews.record(week, CHAIR, start, decisions, attendees.subList(0, 4), new HashSet<>(),
                    at.plus(Duration.ofMinutes(5))));
        }
        return ids;
    }
}
