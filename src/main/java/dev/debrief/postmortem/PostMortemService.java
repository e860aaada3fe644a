package dev.debrief.postmortem;

import dev.debrief.audit.AuditEntry;
import dev.debrief.audit.AuditTrail;
import dev.debrief.common.DebriefConfig;
import dev.debrief.common.ETags;
import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.NotFoundException;
import dev.debrief.common.ResultPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Use cases of the post-mortem aggregate, one transaction each; the rules live in {@link PostMortem}. */
@ApplicationScoped
@Transactional
public class PostMortemService {

    @Inject
    Clock clock;

    @Inject
    DebriefConfig config;

    @Inject
    EntityManager em;

    @Inject
    PostMortemAudit audit;

    @Inject
    SearchQuery searchQuery;

    @Inject
    ShownViews shownViews;

    @Inject
    AuditTrail trail;

    @Inject
    Event<PostMortemEvents.Published> published;

    @Inject
    Event<PostMortemEvents.ActionItemAdded> itemAdded;

    @Inject
    Event<PostMortemEvents.ActionItemClosedByEdit> closedByEdit;

    @Inject
    Event<PostMortemEvents.ActionItemCompleted> completed;

    public PostMortemView create(PostMortemRequest request) {
        Instant now = now();
        PostMortem pm = PostMortem.draft(request.toDocument(), now, config.futureTolerance());
        pm.persist();
        em.flush();
        PostMortemView created = view(pm);
        audit.created(created);
        return created;
    }

    /** The post-mortem as last read if none of its rows changed since, else read again ({@link ShownViews}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PostMortemView get(long id) {
        return shownViews.get(id, () -> view(shown(id)), now())
                .orElseThrow(() -> new NotFoundException("post-mortem", id));
    }

    /**
     * The post-mortem read from its rows, for a caller that goes on to ask more of it in the same request (the page
     * asks what publishing still needs), which then finds it loaded.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PostMortemView read(long id) {
        return view(shown(id));
    }

    public PostMortemView update(long id, PostMortemRequest request, String ifMatch) {
        PostMortem pm = findForUpdate(id);
        ETags.requireMatch(ifMatch, pm.getVersion());
        if (request.version() == null) {
            throw InvalidFieldsException.of("version", "is required: send the version you read, so that a "
                    + "concurrent change is not overwritten");
        }
        pm.requireVersion(request.version());
        PostMortemView before = view(pm);
        pm.revise(request.toDocument(), now(), config.futureTolerance());
        em.flush();
        PostMortemView after = view(pm);
        audit.revised(before, after);
        return after;
    }

    /** Drafts, the write-up most urgently due first (unresolved incidents, whose clock has not started, last). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PostMortemSummary> writeUpsDue() {
        Instant now = now();
        return PostMortem.<PostMortem>find("status = ?1 order by resolvedAt asc nulls last, startedAt desc",
                PostMortemStatus.DRAFT).list().stream()
                .map(pm -> pm.summary(now, config.writeUpWindow()))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PostMortemSummary> recentlyPublished(int limit) {
        Instant now = now();
        return PostMortem.<PostMortem>find("status = ?1 order by publishedAt desc", PostMortemStatus.PUBLISHED)
                .page(0, limit).list().stream()
                .map(pm -> pm.summary(now, config.writeUpWindow()))
                .toList();
    }

    /**
     * The post-mortem's audit history, newest first. A deleted post-mortem's history is kept; it is found only when
     * {@code evenDeleted} (for admins).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> history(long id, boolean evenDeleted) {
        if (PostMortem.findByIdOptional(id).isEmpty() && !(evenDeleted && trail.hasHistory(id))) {
            throw new NotFoundException("post-mortem", id);
        }
        return trail.historyOf(id);
    }

    /** What publishing still needs; empty when the post-mortem could be published now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FieldError> missingForPublication(long id) {
        PostMortem pm = find(id);
        return pm.isPublished() ? List.of() : pm.missingForPublication();
    }

    /** The service's clock, as its writes read it; no transaction (a page asks it on every view). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Instant currentTime() {
        return now();
    }

    public void delete(long id) {
        PostMortem pm = findForUpdate(id);
        pm.requireDeletable();
        audit.deleted(view(pm));
        pm.delete();
    }

    public ActionItemView addActionItem(long id, ActionItemRequest request) {
        PostMortem pm = findForUpdate(id);
        ActionItem item = pm.addActionItem(request.toDraft(), now());
        em.flush();
        ActionItemView added = ActionItemView.of(item);
        audit.itemAdded(added);
        itemAdded.fire(new PostMortemEvents.ActionItemAdded(added));
        return added;
    }

    public ActionItemView updateActionItem(long id, long itemId, ActionItemRequest request, String ifMatch) {
        PostMortem pm = findForUpdate(id);
        ActionItem current = pm.actionItem(itemId);
        ETags.requireMatch(ifMatch, current.getVersion());
        if (request.version() == null) {
            throw InvalidFieldsException.of("version", "is required: send the version you read, so that a "
                    + "concurrent change is not overwritten");
        }
        ActionItemView before = ActionItemView.of(current);
        ActionItem item = pm.reviseActionItem(itemId, request.toDraft(), request.version(), now());
        em.flush();
        ActionItemView after = ActionItemView.of(item);
        audit.itemRevised(before, after);
        if (after.draft().status() != before.draft().status() && !after.draft().status().isOpen()) {
            closedByEdit.fire(new PostMortemEvents.ActionItemClosedByEdit(after));
            if (after.draft().status() == ActionItemStatus.DONE) {
                completed.fire(new PostMortemEvents.ActionItemCompleted(after));
            }
        }
        return after;
    }

    public void deleteActionItem(long id, long itemId) {
        PostMortem pm = findForUpdate(id);
        ActionItemView removed = ActionItemView.of(pm.actionItem(itemId));
        pm.removeActionItem(itemId);
        audit.itemRemoved(removed);
    }

    public PostMortemView reorder(long id, ReorderRequest request) {
        PostMortem pm = findForUpdate(id);
        PostMortemView before = view(pm);
        pm.reorder(request.order(), em::flush);
        em.flush();
        PostMortemView after = view(pm);
        audit.reordered(before, after);
        return after;
    }

    public PostMortemView publish(long id, PublishRequest request) {
        PostMortem pm = findForUpdate(id);
        PostMortemView before = view(pm);
        pm.publish(request == null ? null : request.publishedAt(), now());
        em.flush();
        PostMortemView after = view(pm);
        audit.published(before, after);
        published.fire(new PostMortemEvents.Published(after));
        return after;
    }

    /** A tag in use, and on how many post-mortems. */
    public record TagUse(String tag, long postmortems) {
    }

    /** The tags in use, the most used first: what the pages suggest and {@code GET /api/tags} lists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TagUse> tagsInUse() {
        return em.createQuery("select t, count(p) from PostMortem p join p.tags t group by t order by count(p) desc, t",
                Object[].class).getResultList().stream().map(row -> new TagUse((String) row[0], (Long) row[1]))
                .toList();
    }

    /** A page of the list: {@code search}'s filters, by relevance when it has words to search for. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<FoundPostMortem> search(PostMortemSearch search) {
        return searchQuery.page(search, now(), config.writeUpWindow());
    }

    /**
     * The post-mortem {@code id} as a read shows it, with its team and its items with theirs in one statement rather
     * than three or four (docs/performance.md); an unknown id is a 404.
     */
    private static PostMortem shown(long id) {
        return PostMortem.<PostMortem>find("from PostMortem p left join fetch p.team left join fetch p.actionItems i "
                + "left join fetch i.team where p.id = ?1", id).<PostMortem>singleResultOptional()
                .orElseThrow(() -> new NotFoundException("post-mortem", id));
    }

    private PostMortem find(long id) {
        return PostMortem.<PostMortem>findByIdOptional(id).orElseThrow(() -> new NotFoundException("post-mortem", id));
    }

    /**
     * The post-mortem, locked for this transaction: its rules span its items (three items, what publishing
     * needs), so writers to one post-mortem take turns rather than each checking a state the other changes.
     */
    private PostMortem findForUpdate(long id) {
        return PostMortem.<PostMortem>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("post-mortem", id));
    }

    /**
     * Not the class's REQUIRED: ArC intercepts calls from within the class too, so a read ({@link #get}) would begin
     * a transaction here; a write's view joins the write's.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    PostMortemView view(PostMortem pm) {
        return pm.view(now(), config.writeUpWindow());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
