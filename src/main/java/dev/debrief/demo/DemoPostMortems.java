package dev.debrief.demo;

import dev.debrief.postmortem.ActionItem;
import dev.debrief.postmortem.ActionItemDraft;
import dev.debrief.postmortem.ActionItemStatus;
import dev.debrief.postmortem.IncidentDocument;
import dev.debrief.postmortem.PostMortem;
import dev.debrief.postmortem.SectionTexts;
import dev.debrief.postmortem.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The demo year's post-mortems as they are written, not yet stored: each incident's document and, once its meeting
 * is held, its three ranked items, its publication and what is to become of each item.
 */
final class DemoPostMortems {

    /** An item's end as the demo decides it: done or dropped at a time, or still open (null). */
    static final class Fate {
        ActionItemStatus status;
        Instant at;
        boolean applied;
    }

    /** An item and the end planned for it, which a review or the end of the writing applies. */
    record Planned(ActionItem item, Fate fate) {

        void settle(Instant at) {
            settle(at, DemoIncidents.DROP_REASONS.get(0));
        }

        void settle(Instant at, String dropReason) {
            if (fate.status == ActionItemStatus.DONE) {
                item.complete(at);
            } else {
                item.drop(dropReason, at);
            }
            fate.applied = true;
        }
    }

    private final Random random;
    private final Instant now;
    private final ZoneId zone;
    private final LocalDate today;
    private final Duration futureTolerance;
    private final List<PostMortem> written = new ArrayList<>();
    private final List<Planned> items = new ArrayList<>();
    private int recentItems;

    DemoPostMortems(Random random, Instant now, ZoneId zone, Duration futureTolerance) {
        this.random = random;
        this.now = now;
        this.zone = zone;
        this.today = now.atZone(zone).toLocalDate();
        this.futureTolerance = futureTolerance;
    }

    LocalDate today() {
        return today;
    }

    List<PostMortem> written() {
        return written;
    }

    List<Planned> items() {
        return items;
    }

    /**
     * One incident and, when its meeting has been held (18 to 40 hours after resolution, for some 50 to 90),
     * its three ranked items and its publication an hour after the meeting.
     */
    void incident(int number, Instant started, long detectMinutes, long resolveMinutes, int month) {
        DemoIncidents.Scenario s = DemoIncidents.SCENARIOS.get(number % DemoIncidents.SCENARIOS.size());
        PostMortem pm = draft(s, started, detectMinutes, resolveMinutes, month);
        written.add(pm);
        boolean late = random.nextInt(100) < 12;
        Instant meeting = pm.getResolvedAt()
                .plus(Duration.ofHours(late ? 50 + random.nextInt(40) : 18 + random.nextInt(22)));
        if (meeting.plus(Duration.ofHours(1)).isAfter(now)) {
            return; // the meeting is still to come: a write-up due
        }
        List<String> owners = new ArrayList<>(DemoIncidents.OWNERS);
        Collections.shuffle(owners, random);
        boolean recent = meeting.isAfter(now.minus(Duration.ofDays(100)));
        for (int rank = 1; rank <= 3; rank++) {
            DemoIncidents.Item idea = s.items().get(rank - 1);
            LocalDate due = meeting.atZone(zone).toLocalDate().plusDays(14 + random.nextInt(29));
            ActionItem item = pm.addActionItem(new ActionItemDraft(rank, idea.title(), owners.get(rank - 1),
                    null, due, idea.kind(), null, null, null, null), meeting);
            // Every third recent item that is due by now is left open: the overdue ones the review is for.
            boolean keepOverdue = recent && recentItems++ % 3 == 0;
            items.add(new Planned(item, fate(meeting, due, keepOverdue)));
        }
        pm.publish(meeting.plus(Duration.ofHours(1)), meeting.plus(Duration.ofHours(1)));
    }

    /** The draft of one incident of scenario {@code s}, its severity leaning on how early in the year it is. */
    private PostMortem draft(DemoIncidents.Scenario s, Instant started, long detectMinutes, long resolveMinutes,
            int month) {
        String service = s.services().get(random.nextInt(s.services().size()));
        Instant detected = started.plus(Duration.ofMinutes(detectMinutes));
        Instant resolved = started.plus(Duration.ofMinutes(resolveMinutes));
        int roll = random.nextInt(100);
        // Early in the year more incidents are major; the practice shows in severity as well as in count.
        Severity severity = roll < 14 - month ? Severity.SEV1 : roll < 45 ? Severity.SEV2 : roll < 85 ? Severity.SEV3
                : Severity.SEV4;
        String title = String.format(s.title(), service);
        title = Character.toUpperCase(title.charAt(0)) + title.substring(1);
        List<String> attendees = new ArrayList<>(DemoIncidents.ATTENDEES);
        Collections.shuffle(attendees, random);
        List<IncidentDocument.Timeline> timeline = List.of(
                new IncidentDocument.Timeline(started, "Impact begins on " + service + "."),
                new IncidentDocument.Timeline(detected, switch (s.source()) {
                    case CUSTOMER -> "First customer report reaches support.";
                    case STAFF -> "An engineer notices and opens an incident.";
                    case SYNTHETIC -> "The external check fails and pages on-call.";
                    default -> "The alert fires and pages on-call.";
                }),
                new IncidentDocument.Timeline(detected.plus(Duration.between(detected, resolved).dividedBy(2)),
                        "Cause identified; mitigation starts."),
                new IncidentDocument.Timeline(resolved, "Service back to normal; incident closed."));
        String summary = title + ": " + resolveMinutes + " minutes of impact, noticed after " + detectMinutes + ".";
        String impact = "Users of " + service + " were affected for " + resolveMinutes + " minutes.";
        IncidentDocument document = IncidentDocument.builder().title(title).severity(severity)
                .services(List.of(service)).attendees(attendees.subList(0, 3 + random.nextInt(3)))
                .startedAt(started).detectedAt(detected).resolvedAt(resolved).detectionSource(s.source())
                .sections(SectionTexts.of(section -> switch (section) {
                    case SUMMARY -> summary;
                    case IMPACT -> impact;
                    case WHAT_HAPPENED -> String.format(s.whatHappened(), service);
                    case WHY_DETECTION_FAILED -> String.format(s.whyDetectionFailed(), service);
                    case WHY_RESPONSE_FAILED -> String.format(s.whyResponseFailed(), service);
                    case WHAT_WE_CHANGE -> String.format(s.whatWeChange(), service);
                }))
                .timeline(timeline).build();
        return PostMortem.draft(document, resolved.plus(Duration.ofMinutes(30)), futureTolerance);
    }

    private Fate fate(Instant created, LocalDate due, boolean keepOverdue) {
        Fate fate = new Fate();
        long hoursSince = Duration.between(created, now).toHours();
        int roll = random.nextInt(100);
        if (due.isBefore(today)) {
            if (keepOverdue) {
                return fate;
            }
            fate.status = roll < 86 ? ActionItemStatus.DONE : ActionItemStatus.DROPPED;
            Instant dueEnd = due.plusDays(1).atStartOfDay(zone).toInstant();
            long window = Math.max(2, Duration.between(created, dueEnd.plus(Duration.ofDays(5))).toHours());
            fate.at = created.plus(Duration.ofHours(24 + random.nextLong(window)));
        } else if (roll < 35 && hoursSince > 48) {
            fate.status = ActionItemStatus.DONE;
            fate.at = created.plus(Duration.ofHours(24 + random.nextLong(hoursSince - 24)));
        }
        if (fate.at != null && fate.at.isAfter(now.minus(Duration.ofHours(1)))) {
            fate.at = now.minus(Duration.ofHours(1));
        }
        return fate;
    }
}
