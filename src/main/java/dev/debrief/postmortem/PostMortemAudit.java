package dev.debrief.postmortem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.audit.AuditTrail;
import dev.debrief.audit.Change;
import dev.debrief.audit.Changes;
import dev.debrief.audit.Subject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the audit trail records of post-mortems and their action items: each change as the fields of the API's view
 * that it changed, before and after. Ids, versions and what is derived from the stored fields are left out.
 */
@ApplicationScoped
public class PostMortemAudit {

    private static final Set<String> DERIVED_POSTMORTEM = Set.of("id", "version", "createdAt", "updatedAt",
            "timeToDetectMinutes", "timeToResolveMinutes", "writeUpDueAt", "writeUpOverdue", "publishedLate",
            "actionItems", "links");
    private static final Set<String> DERIVED_ITEM = Set.of("id", "postmortemId", "version", "createdAt",
            "updatedAt");

    @Inject
    AuditTrail trail;

    @Inject
    ObjectMapper json;

    void created(PostMortemView created) {
        changed("postmortem.created", null, created);
    }

    void revised(PostMortemView before, PostMortemView after) {
        List<Change> changes = Changes.between(fields(before), fields(after));
        if (!changes.isEmpty()) {
            trail.record("postmortem.updated", subject(after), changes);
        }
    }

    void published(PostMortemView before, PostMortemView after) {
        changed("postmortem.published", before, after);
    }

    /** The deletion keeps the whole document in the trail: each field from its last value to none. */
    /** A draft deleted, with its items; each post-mortem it was linked to records the link's end in its history. */
    void deleted(PostMortemView before) {
        for (ActionItemView item : before.actionItems()) {
            itemChanged("action-item.removed", item, null);
        }
        changed("postmortem.deleted", before, null);
        String target = "#" + before.id() + " " + before.document().title();
        for (LinkView link : before.links()) {
            trail.record("postmortem.unlinked", Subject.postMortem(link.postmortemId(), link.title()),
                    List.of(new Change("links", link.kind() + " " + target, null)));
        }
    }

    void reordered(PostMortemView before, PostMortemView after) {
        String from = ranking(before);
        String to = ranking(after);
        if (!from.equals(to)) {
            trail.record("action-items.reordered", subject(after), List.of(new Change("actionItems", from, to)));
        }
    }

    /** A link, recorded in the history of both post-mortems. */
    void linked(PostMortemView one, PostMortemView other, LinkKind kind) {
        link("postmortem.linked", one, other, null, kind);
        link("postmortem.linked", other, one, null, kind);
    }

    void unlinked(PostMortemView one, PostMortemView other, LinkKind kind) {
        link("postmortem.unlinked", one, other, kind, null);
        link("postmortem.unlinked", other, one, kind, null);
    }

    private void link(String action, PostMortemView side, PostMortemView other, LinkKind before, LinkKind after) {
        String target = "#" + other.id() + " " + other.document().title();
        trail.record(action, subject(side), List.of(new Change("links", before == null ? null : before + " " + target,
                after == null ? null : after + " " + target)));
    }

    void itemAdded(ActionItemView item) {
        itemChanged("action-item.added", null, item);
    }

    void itemRevised(ActionItemView before, ActionItemView after) {
        itemChanged("action-item.updated", before, after);
    }

    void itemRemoved(ActionItemView before) {
        itemChanged("action-item.removed", before, null);
    }

    /** A weekly review's decision on an item ({@code keep}, {@code redate}, {@code done}, {@code drop}). */
    public void itemDecided(String decision, ActionItemView before, ActionItemView after) {
        itemChanged("action-item." + decision, before, after);
    }

    /** A change that came from the item's ticket in an issue tracker ({@code closed}, {@code reopened}). */
    public void itemSynced(String what, ActionItemView before, ActionItemView after) {
        itemChanged("action-item.ticket-" + what, before, after);
    }

    private void changed(String action, PostMortemView before, PostMortemView after) {
        PostMortemView subject = after == null ? before : after;
        trail.record(action, subject(subject), Changes.between(fields(before), fields(after)));
    }

    private void itemChanged(String action, ActionItemView before, ActionItemView after) {
        ActionItemView item = after == null ? before : after;
        trail.record(action, Subject.actionItem(item.postmortemId(), item.id(), item.draft().title()),
                Changes.between(itemFields(before), itemFields(after)));
    }

    private Map<String, String> fields(PostMortemView view) {
        return view == null ? Map.of() : Changes.fieldsOf(json, view, DERIVED_POSTMORTEM);
    }

    private Map<String, String> itemFields(ActionItemView view) {
        return view == null ? Map.of() : Changes.fieldsOf(json, view, DERIVED_ITEM);
    }

    private static Subject subject(PostMortemView view) {
        return Subject.postMortem(view.id(), view.document().title());
    }

    private static String ranking(PostMortemView view) {
        return view.actionItems().stream().map(item -> item.draft().priority() + ". " + item.draft().title())
                .collect(Collectors.joining("\n"));
    }
}
