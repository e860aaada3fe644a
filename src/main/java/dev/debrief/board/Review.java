package dev.debrief.board;

import dev.debrief.common.ConflictException;
import dev.debrief.common.Identified;
import dev.debrief.common.InvalidFieldsException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One weekly review meeting (one per ISO week): the decisions taken, and once finished, who attended and
 * which open items were not discussed.
 */
@Entity
@Table(name = "review")
@SequenceGenerator(sequenceName = "review_seq")
public class Review extends Identified {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    @Column(nullable = false, length = 8, unique = true)
    private String week;

    @Column(nullable = false)
    private Instant startedAt;

    @Column(nullable = false, length = 64)
    private String startedBy;

    private Instant finishedAt;

    @Column(length = 64)
    private String finishedBy;

    @ElementCollection
    @CollectionTable(name = "review_attendee", joinColumns = @JoinColumn(name = "review_id"))
    @OrderColumn(name = "position")
    @Column(name = "name", nullable = false, length = 100)
    private List<String> attendees = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "review_not_discussed", joinColumns = @JoinColumn(name = "review_id"))
    @Column(name = "action_item_id", nullable = false)
    private Set<Long> notDiscussed = new HashSet<>();

    @OneToMany(mappedBy = "review", cascade = CascadeType.ALL)
    @OrderBy("decidedAt, id")
    private List<ReviewDecision> decisions = new ArrayList<>();

    @Version
    private long version;

    protected Review() {
    }

    static Review start(String week, String user, Instant now) {
        Review review = new Review();
        review.week = normalizeWeek(week);
        review.startedAt = now;
        review.startedBy = user;
        return review;
    }

    /** An ISO week such as {@code 2026-W48}; anything else is refused naming {@code week}. */
    static String normalizeWeek(String week) {
        Matcher m = week == null ? null : WEEK.matcher(week.strip());
        if (m == null || !m.matches()) {
            throw InvalidFieldsException.of("week", "must be an ISO week such as 2026-W48");
        }
        int year = Integer.parseInt(m.group(1));
        int number = Integer.parseInt(m.group(2));
        long weeks = LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
        if (number < 1 || number > weeks) {
            throw InvalidFieldsException.of("week", "must be a week of " + year + ": 1 to " + weeks);
        }
        return week.strip();
    }

    ReviewDecision record(long itemId, Decision decision, LocalDate previousDue, LocalDate newDue, String reason,
            String note, Instant now, String user) {
        if (isFinished()) {
            throw new ConflictException("The review of " + week + " is finished; decisions go into a later review.");
        }
        ReviewDecision recorded = new ReviewDecision(this, itemId, decision, previousDue, newDue, reason, note, now,
                user);
        decisions.add(recorded);
        return recorded;
    }

    void finish(List<String> people, Set<Long> openNotDiscussed, String user, Instant now) {
        if (isFinished()) {
            throw new ConflictException("The review of " + week + " was already finished at " + finishedAt + ".");
        }
        attendees.clear();
        attendees.addAll(people);
        notDiscussed.clear();
        notDiscussed.addAll(openNotDiscussed);
        finishedAt = now;
        finishedBy = user;
    }

    Set<Long> discussedItems() {
        Set<Long> ids = new HashSet<>();
        decisions.forEach(d -> ids.add(d.getActionItemId()));
        return ids;
    }

    private boolean isFinished() {
        return finishedAt != null;
    }

    /**
     * The open items this meeting did not discuss, which the next board marks; none while it runs, since any of
     * them may still come up.
     */
    Set<Long> notDiscussedItems() {
        return isFinished() ? Set.copyOf(notDiscussed) : Set.of();
    }

    public String getWeek() {
        return week;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    /** The meeting and everything decided in it, as the API and the review page show it. */
    ReviewViews.ReviewView view() {
        return new ReviewViews.ReviewView(getId(), week, startedAt, startedBy, finishedAt, finishedBy,
                List.copyOf(attendees), notDiscussed.stream().sorted().toList(),
                decisions.stream().map(ReviewDecision::view).toList());
    }
}
