package dev.debrief.postmortem;

import dev.debrief.common.DebriefConfig;
import dev.debrief.common.ETags;
import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.NotFoundException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Use cases of the post-mortem aggregate, one transaction each; the rules live in {@link PostMortem}. */
@ApplicationScoped
@Transactional
public class PostMortemService {

    /**
     * One action-item slot of the write page: the stored item it shows ({@code itemId}, with the version read),
     * and what the slot holds now ({@code draft}, null when emptied).
     */
    public record ItemSlot(int rank, Long itemId, Long itemVersion, ActionItemDraft draft) {
    }

    @Inject
    Clock clock;

    @Inject
    DebriefConfig config;

    @Inject
    EntityManager em;

    public PostMortemView create(PostMortemRequest request) {
        Instant now = now();
        PostMortem pm = PostMortem.draft(request.toDocument(), now, config.futureTolerance());
        pm.persist();
        em.flush();
        return view(pm);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PostMortemView get(long id) {
        return view(find(id));
    }

    public PostMortemView update(long id, PostMortemRequest request, String ifMatch) {
        PostMortem pm = findForUpdate(id);
        ETags.requireMatch(ifMatch, pm.getVersion());
        if (request.version() == null) {
            throw InvalidFieldsException.of("version", "is required: send the version you read, so that a "
                    + "concurrent change is not overwritten");
        }
        pm.requireVersion(request.version());
        pm.revise(request.toDocument(), now(), config.futureTolerance());
        em.flush();
        return view(pm);
    }

    /**
     * Saves the write page in one transaction: the document (created when {@code id} is null) and its three
     * action-item slots. Any refusal rolls everything back, so the page can show the errors with all of the
     * user's input still in place.
     */
    public long save(Long id, IncidentDocument document, Long version, List<ItemSlot> slots) {
        Instant now = now();
        PostMortem pm;
        if (id == null) {
            pm = PostMortem.draft(document, now, config.futureTolerance());
            pm.persist();
        } else {
            pm = findForUpdate(id);
            if (version == null) {
                throw InvalidFieldsException.of("version", "is missing: reload the page and save again");
            }
            pm.requireVersion(version);
            pm.revise(document, now, config.futureTolerance());
        }
        em.flush();
        for (ItemSlot slot : slots) {
            try {
                applySlot(pm, slot, now);
            } catch (InvalidFieldsException e) {
                throw new InvalidFieldsException(e.errors().stream()
                        .map(error -> new FieldError("items[" + (slot.rank() - 1) + "]."
                                + error.field(), error.message()))
                        .toList());
            }
        }
        em.flush();
        return pm.getId();
    }

    private void applySlot(PostMortem pm, ItemSlot slot, Instant now) {
        ActionItem stored = slot.itemId() == null ? null : pm.findActionItem(slot.itemId()).orElse(null);
        ActionItemDraft typed = slot.draft();
        if (stored == null) {
            if (typed != null) {
                pm.addActionItem(typed, now);
            }
        } else if (typed == null) {
            pm.removeActionItem(stored.getId());
        } else if (!sameAs(stored, typed)) {
            // The page edits title, owner, due date and kind; status, ticket and drop reason stay as stored.
            ActionItemDraft merged = new ActionItemDraft(typed.priority(), typed.title(), typed.owner(),
                    typed.dueDate(), typed.kind(), stored.getTicketUrl(), null, null, stored.getDropReason());
            long read = slot.itemVersion() == null ? stored.getVersion() : slot.itemVersion();
            pm.reviseActionItem(stored.getId(), merged, read, now);
        }
    }

    private static boolean sameAs(ActionItem stored, ActionItemDraft typed) {
        return Objects.equals(stored.getPriority(), typed.priority())
                && Objects.equals(stored.getTitle(), typed.title() == null ? null : typed.title().strip())
                && Objects.equals(stored.getOwner(), typed.owner() == null ? null : typed.owner().strip())
                && Objects.equals(stored.getDueDate(), typed.dueDate())
                && stored.getKind() == typed.kind();
    }

    /** Drafts, the write-up most urgently due first (unresolved incidents, whose clock has not started, last). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PostMortemSummary> writeUpsDue() {
        Instant now = now();
        return PostMortem.<PostMortem>find("status = ?1 order by resolvedAt asc nulls last, startedAt desc",
                PostMortemStatus.DRAFT).list().stream()
                .map(pm -> PostMortemSummary.of(pm, now, config.writeUpWindow()))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PostMortemSummary> recentlyPublished(int limit) {
        Instant now = now();
        return PostMortem.<PostMortem>find("status = ?1 order by publishedAt desc", PostMortemStatus.PUBLISHED)
                .page(0, limit).list().stream()
                .map(pm -> PostMortemSummary.of(pm, now, config.writeUpWindow()))
                .toList();
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
        pm.delete();
    }

    public ActionItemView addActionItem(long id, ActionItemRequest request) {
        PostMortem pm = findForUpdate(id);
        ActionItem item = pm.addActionItem(request.toDraft(), now());
        em.flush();
        return ActionItemView.of(item);
    }

    public ActionItemView updateActionItem(long id, long itemId, ActionItemRequest request, String ifMatch) {
        PostMortem pm = findForUpdate(id);
        ActionItem current = pm.actionItem(itemId);
        ETags.requireMatch(ifMatch, current.getVersion());
        if (request.version() == null) {
            throw InvalidFieldsException.of("version", "is required: send the version you read, so that a "
                    + "concurrent change is not overwritten");
        }
        ActionItem item = pm.reviseActionItem(itemId, request.toDraft(), request.version(), now());
        em.flush();
        return ActionItemView.of(item);
    }

    public void deleteActionItem(long id, long itemId) {
        PostMortem pm = findForUpdate(id);
        pm.removeActionItem(itemId);
    }

    public PostMortemView reorder(long id, ReorderRequest request) {
        PostMortem pm = findForUpdate(id);
        pm.reorder(request.order(), em::flush);
        em.flush();
        return view(pm);
    }

    public PostMortemView publish(long id, PublishRequest request) {
        PostMortem pm = findForUpdate(id);
        pm.publish(request == null ? null : request.publishedAt(), now());
        em.flush();
        return view(pm);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PostMortemPage search(PostMortemSearch search) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (search.status() != null) {
            where.add("status = :status");
            params.put("status", search.status());
        }
        if (search.severity() != null) {
            where.add("severity = :severity");
            params.put("severity", search.severity());
        }
        if (search.service() != null && !search.service().isBlank()) {
            where.add(":service member of services");
            params.put("service", search.service().strip());
        }
        if (search.text() != null && !search.text().isBlank()) {
            where.add("(lower(title) like :text escape '\\' or lower(summary) like :text escape '\\'"
                    + " or lower(impact) like :text escape '\\' or lower(whatHappened) like :text escape '\\'"
                    + " or lower(whyDetectionFailed) like :text escape '\\'"
                    + " or lower(whyResponseFailed) like :text escape '\\'"
                    + " or lower(whatWeChange) like :text escape '\\')");
            params.put("text", "%" + escapeLike(search.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        PanacheQuery<PostMortem> found = PostMortem.find(query,
                Sort.descending("startedAt").and("id", Sort.Direction.Descending), params);
        long total = found.count();
        Instant now = now();
        List<PostMortemSummary> rows = found.page(search.page(), search.size()).list().stream()
                .map(pm -> PostMortemSummary.of(pm, now, config.writeUpWindow()))
                .toList();
        return new PostMortemPage(rows, total, search.page(), search.size());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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

    private PostMortemView view(PostMortem pm) {
        return PostMortemView.of(pm, now(), config.writeUpWindow());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
