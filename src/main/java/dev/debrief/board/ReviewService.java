package dev.debrief.board;

import dev.debrief.audit.AuditTrail;
import dev.debrief.audit.Change;
import dev.debrief.audit.Subject;
import dev.debrief.common.Database;
import dev.debrief.common.InList;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.NotFoundException;
import dev.debrief.common.TeamCalendar;
import dev.debrief.postmortem.ActionItem;
import dev.debrief.postmortem.ActionItemView;
import dev.debrief.postmortem.OpenWork;
import dev.debrief.postmortem.PostMortem;
import dev.debrief.postmortem.PostMortemAudit;
import dev.debrief.postmortem.PostMortemEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The weekly review meeting: starting it, one decision per item (applied to the item in the same
 * transaction, through its post-mortem), and finishing it with who attended and what was not discussed.
 */
@ApplicationScoped
@Transactional
public class ReviewService {

    @Inject
    Clock clock;

    @Inject
    TeamCalendar calendar;

    @Inject
    EntityManager em;

    @Inject
    OpenWork work;

    @Inject
    AuditTrail audit;

    @Inject
    PostMortemAudit itemAudit;

    @Inject
    Event<ReviewEvents.ItemDecided> decided;

    @Inject
    Event<ReviewEvents.Finished> finished;

    @Inject
    Event<PostMortemEvents.ActionItemCompleted> completed;

    /** The review of the week, and whether this call created it. */
    public record Started(ReviewViews.ReviewView review, boolean created) {
    }

    /**
     * The review of the week, started if there is none. Two starts of one week at once (two people pressing the
     * button, on one instance or two) both find none and both insert; the one the database refuses opens the other's.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Started start(String week, String user) {
        String normalized = Review.normalizeWeek(week);
        try {
            return QuarkusTransaction.requiringNew().call(() -> startIn(normalized, user));
        } catch (RuntimeException e) {
            if (!Database.isConstraintViolation(e)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(() -> startIn(normalized, user));
        }
    }

    private Started startIn(String normalized, String user) {
        Review existing = Review.<Review>find("week", normalized).firstResult();
        if (existing != null) {
            return new Started(existing.view(), false);
        }
        Review review = Review.start(normalized, user, now());
        review.persist();
        em.flush();
        audit.record("review.started", Subject.review(normalized), List.of());
        return new Started(review.view(), true);
    }

    /**
     * Records a decision on an item. The review's row is locked first, so decisions and the finish of one review
     * follow each other; then the item's post-mortem, which every change of an item locks, and the item is read
     * again under that lock, so the decision judges the item as it is now.
     */
    public ReviewViews.Decided decide(String week, ReviewRequests.Decide request, String user) {
        Review review = findForChange(week);
        if (request.decision() != Decision.REDATE && request.newDueDate() != null) {
            throw InvalidFieldsException.of("newDueDate", "is only for a re-date: choose Re-date, or leave the date "
                    + "empty");
        }
        ActionItem item = ActionItem.<ActionItem>findByIdOptional(request.actionItemId())
                .orElseThrow(() -> new NotFoundException("action item", request.actionItemId()));
        PostMortem pm = item.getPostMortem();
        try {
            // Locked and read again, not locked at the version read before: a save of the post-mortem that this
            // request waited for is no conflict, the decision judges what it left.
            em.refresh(pm, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(item);
        } catch (EntityNotFoundException removed) {
            // Removed (the item from its draft, or the draft) while this request waited for the lock.
            throw new NotFoundException("action item", request.actionItemId());
        }
        Instant now = now();
        String reason = blankToNull(request.reason());
        LocalDate previousDue = item.getDueDate();
        ActionItemView before = ActionItemView.of(item);
        LocalDate newDue = request.newDueDate();
        switch (request.decision()) {
            case KEEP -> item.keep();
            case REDATE -> item.redate(newDue, reason, calendar.today(), now);
            case DONE -> item.complete(now);
            case DROP -> item.drop(reason, now);
        }
        ReviewDecision decision = review.record(item.getId(), request.decision(), previousDue, newDue, reason,
                blankToNull(request.note()), now, user);
        em.flush();
        ActionItemView after = ActionItemView.of(item);
        itemAudit.itemDecided(switch (request.decision()) {
            case KEEP -> "kept";
            case REDATE -> "redated";
            case DONE -> "done";
            case DROP -> "dropped";
        }, before, after);
        decided.fire(new ReviewEvents.ItemDecided(request.decision(), after, user));
        if (request.decision() == Decision.DONE) {
            completed.fire(new PostMortemEvents.ActionItemCompleted(after));
        }
        return new ReviewViews.Decided(decision.view(), after);
    }

    public ReviewViews.ReviewView finish(String week, ReviewRequests.Finish request, String user) {
        Review review = findForChange(week);
        Set<Long> open = work.openItemIds();
        open.removeAll(review.discussedItems());
        List<String> attendees = request == null || request.attendees() == null ? List.of()
                : request.attendees().stream().map(String::strip).distinct().toList();
        review.finish(attendees, open, user, now());
        em.flush();
        audit.record("review.finished", Subject.review(review.getWeek()),
                List.of(new Change("attendees", null, attendees.isEmpty() ? null : String.join("\n", attendees))));
        ReviewViews.ReviewView view = review.view();
        finished.fire(new ReviewEvents.Finished(view));
        return view;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReviewViews.ReviewView get(String week) {
        return find(week).view();
    }

    /** Every meeting, newest first, with its decisions and items not discussed counted: one statement. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewViews.ReviewSummary> list() {
        return em.createQuery("select r.id as id, r.week as week, r.startedAt as startedAt, r.finishedAt as finishedAt,"
                + " size(r.decisions) as decisions, size(r.notDiscussed) as notDiscussed from Review r"
                + " order by r.startedAt desc", Tuple.class).getResultStream()
                .map(row -> new ReviewViews.ReviewSummary(row.get("id", Long.class), row.get("week", String.class),
                        row.get("startedAt", Instant.class), row.get("finishedAt", Instant.class),
                        row.get("decisions", Number.class).intValue(),
                        row.get("notDiscussed", Number.class).intValue()))
                .toList();
    }

    /** How the review page names an item: its title in quotes, or "item N" when there is no such item. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String itemName(long itemId) {
        return ActionItem.<ActionItem>findByIdOptional(itemId).map(item -> "\u201c" + item.getTitle() + "\u201d")
                .orElse("item " + itemId);
    }

    /** Every decision on these items, oldest first: the items' history. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReviewViews.DecisionView> history(List<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        InList ids = new InList("ids", itemIds);
        return ids.bind(em.createQuery("select d from ReviewDecision d join fetch d.review where d.actionItemId in "
                        + ids.hql() + " order by d.decidedAt, d.id", ReviewDecision.class))
                .getResultList().stream().map(ReviewDecision::view).toList();
    }

    private Review find(String week) {
        String normalized = Review.normalizeWeek(week);
        return Review.<Review>find("week", normalized).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("review of week", normalized));
    }

    /** The review of the week, its row locked until the transaction ends. */
    private Review findForChange(String week) {
        String normalized = Review.normalizeWeek(week);
        return Review.<Review>find("week", normalized).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("review of week", normalized));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
