package dev.debrief.postmortem;

import dev.debrief.common.DebriefConfig;
import dev.debrief.common.ETags;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.NotFoundException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        PostMortem pm = find(id);
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

    public void delete(long id) {
        PostMortem pm = find(id);
        pm.requireDeletable();
        pm.delete();
    }

    public ActionItemView addActionItem(long id, ActionItemRequest request) {
        PostMortem pm = find(id);
        ActionItem item = pm.addActionItem(request.toDraft(), now());
        em.flush();
        return ActionItemView.of(item);
    }

    public ActionItemView updateActionItem(long id, long itemId, ActionItemRequest request, String ifMatch) {
        PostMortem pm = find(id);
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
        PostMortem pm = find(id);
        pm.removeActionItem(itemId);
    }

    public PostMortemView reorder(long id, ReorderRequest request) {
        PostMortem pm = find(id);
        pm.reorder(request.order(), em::flush);
        em.flush();
        return view(pm);
    }

    public PostMortemView publish(long id, PublishRequest request) {
        PostMortem pm = find(id);
        pm.publish(request == null ? null : request.publishedAt(), now());
        em.flush();
        return view(pm);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PostMortemPage search(PostMortemSearch search) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (search.status() != null) {
            where.add("status = :status");
            params.and("status", search.status());
        }
        if (search.severity() != null) {
            where.add("severity = :severity");
            params.and("severity", search.severity());
        }
        if (search.service() != null && !search.service().isBlank()) {
            where.add(":service member of services");
            params.and("service", search.service().strip());
        }
        if (search.text() != null && !search.text().isBlank()) {
            where.add("(lower(title) like :text escape '\\' or lower(summary) like :text escape '\\'"
                    + " or lower(impact) like :text escape '\\' or lower(whatHappened) like :text escape '\\'"
                    + " or lower(whyDetectionFailed) like :text escape '\\'"
                    + " or lower(whyResponseFailed) like :text escape '\\'"
                    + " or lower(whatWeChange) like :text escape '\\')");
            params.and("text", "%" + escapeLike(search.text().strip().toLowerCase(Locale.ROOT)) + "%");
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

    private PostMortemView view(PostMortem pm) {
        return PostMortemView.of(pm, now(), config.writeUpWindow());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
