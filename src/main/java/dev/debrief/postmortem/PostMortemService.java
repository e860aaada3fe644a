package dev.debrief.postmortem;

import dev.debrief.audit.AuditEntry;
import dev.debrief.audit.AuditTrail;
import dev.debrief.common.DebriefConfig;
import dev.debrief.common.ETags;
import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.NotFoundException;
import dev.debrief.common.ResultPage;
import dev.debrief.common.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Use cases of the post-mortem aggregate, one transaction each; the rules live in {@link PostMortem}. */
@ApplicationScoped
@Transactional
public class PostMortemService {

    /** The free-text search: the title or any written section contains the text. */
    private static final String TEXT_SEARCH = Stream.concat(Stream.of("title"),
                    Arrays.stream(Section.values()).map(WrittenSections::path))
            .map(path -> "lower(" + path + ") like :text escape '\\'")
            .collect(Collectors.joining(" or ", "(", ")"));

    @Inject
    Clock clock;

    @Inject
    DebriefConfig config;

    @Inject
    EntityManager em;

    @Inject
    PostMortemAudit audit;

    @Inject
    AuditTrail trail;

    @Inject
    Event<PostMortemEvents.Published> published;

    @Inject
    Event<PostMortemEvents.ActionItemAdded> itemAdded;

    public PostMortemView create(PostMortemRequest request) {
        Instant now = now();
        PostMortem pm = PostMortem.draft(request.toDocument(), now, config.futureTolerance());
        pm.persist();
        em.flush();
        PostMortemView created = view(pm);
        audit.created(created);
        return created;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PostMortemView get(long id) {
        return view(PostMortem.shown(id));
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultPage<PostMortemSummary> search(PostMortemSearch search) {
        Where where = new Where()
                .filter("status = :status", "status", search.status())
                .filter("severity = :severity", "severity", search.severity())
                .filterText(":service member of services", "service", search.service())
                .filterText("team.nameKey = :team", "team", search.team(), Team::keyOf)
                .filterText(":tag member of tags", "tag", search.tag(), IncidentDocument::tag)
                .filterText(TEXT_SEARCH, "text", search.text(),
                        text -> "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%");
        PanacheQuery<PostMortem> found = PostMortem.find(where.conditions(),
                Sort.descending("startedAt").and("id", Sort.Direction.Descending), where.params());
        Instant now = now();
        return ResultPage.of(found, search.page(), search.size(),
                pm -> pm.summary(now, config.writeUpWindow()));
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private PostMortem find(long id) {
        return PostMortem.known(id);
    }

    /**
     * The post-mortem, locked for this transaction: its rules span its items (three items, what publishing
     * needs), so writers to one post-mortem take turns rather than each checking a state the other changes.
     */
    private PostMortem findForUpdate(long id) {
        return PostMortem.<PostMortem>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("post-mortem", id));
    }

    PostMortemView view(PostMortem pm) {
        return pm.view(now(), config.writeUpWindow());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
