package dev.debrief.postmortem;

import dev.debrief.common.ConflictException;
import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One of a post-mortem's (at most) three commitments. Created, re-ranked and removed only through
 * {@link PostMortem}, which owns the three-item rule.
 */
@Entity
@Table(name = "action_item")
@SequenceGenerator(sequenceName = "action_item_seq")
public class ActionItem extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "postmortem_id", nullable = false)
    private PostMortem postMortem;

    /** 1, 2 or 3; null only between the two steps of a reorder, never at commit. */
    private Integer priority;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 100)
    private String owner;

    /** The team that owns the item; none means the post-mortem's team does. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    private Team team;

    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ActionItemKind kind;

    @Column(length = 2000)
    private String ticketUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ActionItemStatus status;

    private Instant completedAt;

    @Column(length = 2000)
    private String dropReason;

    private Instant droppedAt;

    protected ActionItem() {
    }

    ActionItem(PostMortem postMortem, Instant now) {
        this.postMortem = postMortem;
        this.status = ActionItemStatus.OPEN;
        created(now);
    }

    /**
     * Applies the writable fields. DONE records {@code completedAt} (given for backfills, else now);
     * DROPPED needs a reason; leaving either state clears what it recorded.
     */
    void apply(ActionItemDraft draft, Instant now, Instant incidentStart, boolean published) {
        List<FieldError> errors = new ArrayList<>();
        ActionItemStatus next = draft.status() == null ? status : draft.status();
        if (draft.completedAt() != null && next != ActionItemStatus.DONE) {
            errors.add(new FieldError("completedAt", "can only be given when status is DONE"));
        }
        Instant completion = null;
        if (next == ActionItemStatus.DONE) {
            completion = draft.completedAt() != null ? draft.completedAt().truncatedTo(ChronoUnit.MICROS)
                    : status == ActionItemStatus.DONE && completedAt != null ? completedAt : now;
            if (completion.isAfter(now)) {
                errors.add(new FieldError("completedAt", "must not be in the future"));
            } else if (completion.isBefore(incidentStart)) {
                errors.add(new FieldError("completedAt", "must not be before the incident started (" + incidentStart + ")"));
            }
        }
        String reason = blankToNull(draft.dropReason());
        if (next == ActionItemStatus.DROPPED && reason == null) {
            errors.add(new FieldError("dropReason", "is required when status is DROPPED: say why the item is dropped"));
        }
        String owner = blankToNull(draft.owner());
        if (published && owner == null) {
            errors.add(new FieldError("owner", "must stay set: the post-mortem is published"));
        }
        if (published && draft.dueDate() == null) {
            errors.add(new FieldError("dueDate", "must stay set: the post-mortem is published"));
        } else if (draft.dueDate() != null && !TimeBounds.holds(draft.dueDate())) {
            errors.add(new FieldError("dueDate", TimeBounds.DAY_RANGE));
        }
        String ticket = blankToNull(draft.ticketUrl());
        if (ticket != null && !isWebAddress(ticket)) {
            errors.add(new FieldError("ticketUrl", "must be an http or https address"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        this.team = Team.named("team", draft.team());
        this.title = draft.title().strip();
        this.owner = owner;
        this.dueDate = draft.dueDate();
        this.kind = draft.kind();
        this.ticketUrl = ticket;
        this.droppedAt = next != ActionItemStatus.DROPPED ? null
                : status == ActionItemStatus.DROPPED && droppedAt != null ? droppedAt : now;
        this.status = next;
        this.completedAt = completion;
        this.dropReason = next == ActionItemStatus.DROPPED ? reason : null;
        changed(now);
    }

    /** Overdue: still open, and due before {@code today} ({@link ActionItemStatus#isOverdue}). */
    public boolean isOverdue(LocalDate today) {
        return status.isOverdue(dueDate, today);
    }

    /** Whole days past the due date, 0 for an item that is not overdue. */
    public long daysOverdue(LocalDate today) {
        return status.daysOverdue(dueDate, today);
    }

    /** A review decision: the item stays as it is. Only open items get review decisions. */
    public void keep() {
        requireOpen();
    }

    /** A review decision: a new due date, today or later, with the reason it slips. */
    public void redate(LocalDate newDueDate, String reason, LocalDate today, Instant now) {
        List<FieldError> missing = new ArrayList<>();
        if (newDueDate == null) {
            missing.add(new FieldError("newDueDate", "is required to re-date an item"));
        } else if (newDueDate.isBefore(today)) {
            missing.add(new FieldError("newDueDate", "must be today or later"));
        } else if (!TimeBounds.holds(newDueDate)) {
            missing.add(new FieldError("newDueDate", TimeBounds.DAY_RANGE));
        }
        if (blankToNull(reason) == null) {
            missing.add(new FieldError("reason", "is required to re-date an item: say why it slips"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidFieldsException(missing);
        }
        requireOpen();
        if (newDueDate.equals(dueDate)) {
            throw InvalidFieldsException.of("newDueDate", "is already the item's due date: keep the item, or give "
                    + "another date");
        }
        ActionItemDraft d = toDraft();
        apply(new ActionItemDraft(d.priority(), d.title(), d.owner(), d.team(), newDueDate, d.kind(), d.ticketUrl(),
                d.status(), null, null), now, postMortem.getStartedAt(), postMortem.isPublished());
    }

    /** A review decision: the item is done, at {@code at}. */
    public void complete(Instant at) {
        requireOpen();
        ActionItemDraft d = toDraft();
        apply(new ActionItemDraft(d.priority(), d.title(), d.owner(), d.team(), d.dueDate(), d.kind(), d.ticketUrl(),
                ActionItemStatus.DONE, null, null), at, postMortem.getStartedAt(), postMortem.isPublished());
    }

    /**
     * The work turned out not to be finished (its ticket was reopened): a done item is open again, its completion
     * forgotten. A dropped item stays dropped: dropping was the team's decision, not the tracker's.
     */
    public void reopen(Instant at) {
        if (status != ActionItemStatus.DONE) {
            throw new ConflictException("Action item " + getId() + " is " + status
                    + "; only a done item can be reopened.");
        }
        ActionItemDraft d = toDraft();
        apply(new ActionItemDraft(d.priority(), d.title(), d.owner(), d.team(), d.dueDate(), d.kind(), d.ticketUrl(),
                ActionItemStatus.OPEN, null, null), at, postMortem.getStartedAt(), postMortem.isPublished());
    }

    /** A review decision: the team drops the item, for a reason, at {@code at}. */
    public void drop(String reason, Instant at) {
        if (blankToNull(reason) == null) {
            throw InvalidFieldsException.of("reason", "is required to drop an item: say why");
        }
        requireOpen();
        ActionItemDraft d = toDraft();
        apply(new ActionItemDraft(d.priority(), d.title(), d.owner(), d.team(), d.dueDate(), d.kind(), d.ticketUrl(),
                ActionItemStatus.DROPPED, null, reason), at, postMortem.getStartedAt(), postMortem.isPublished());
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw new ConflictException("Action item " + getId() + " is already " + status
                    + "; only open items get review decisions.");
        }
    }

    /** The item's writable fields as they are, to change one or two of them. */
    ActionItemDraft toDraft() {
        return new ActionItemDraft(priority, title, owner, NamedEntry.nameOf(team), dueDate, kind, ticketUrl, status, completedAt, dropReason);
    }

    void rank(Integer priority) {
        this.priority = priority;
    }

    boolean readyForPublication() {
        return owner != null && dueDate != null;
    }

    private static String blankToNull(String text) {
        return TypedValues.blank(text) ? null : text.strip();
    }

    private static boolean isWebAddress(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public PostMortem getPostMortem() {
        return postMortem;
    }

    public Integer getPriority() {
        return priority;
    }

    public String getTitle() {
        return title;
    }

    public String getOwner() {
        return owner;
    }

    /** The team that owns the item: its own, else its post-mortem's; null when neither has one. */
    public String getTeamName() {
        return team != null ? team.getName() : postMortem.getTeamName();
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public ActionItemKind getKind() {
        return kind;
    }

    public String getTicketUrl() {
        return ticketUrl;
    }

    public ActionItemStatus getStatus() {
        return status;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getDropReason() {
        return dropReason;
    }

    public Instant getDroppedAt() {
        return droppedAt;
    }
}
