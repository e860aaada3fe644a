package dev.debrief.postmortem;

import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.ProblemMappers;
import dev.debrief.common.StaleVersionException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Saves the write page through the API's own path: the requests the form reads into are checked against the
 * same constraints as a JSON body, and saved by the same service methods the API calls, in one transaction,
 * so a refusal of any part leaves everything as it was and the page can show the errors beside the input.
 */
@ApplicationScoped
class WritePageSave {

    @Inject
    PostMortemService service;

    @Inject
    Validator validator;

    /** What the requests' constraints refuse, named by the page's fields (an item's by its slot). */
    List<FieldError> check(FormSubmission submission) {
        List<FieldError> errors = new ArrayList<>();
        validator.validate(submission.document()).forEach(v -> errors.add(
                new FieldError(ProblemMappers.fieldOf(v), v.getMessage())));
        for (FormSubmission.SlotRequest slot : submission.slots()) {
            if (slot.item() != null) {
                validator.validate(slot.item()).forEach(v -> errors.add(
                        new FieldError(slot.field(ProblemMappers.fieldOf(v)), v.getMessage())));
            }
        }
        return errors;
    }

    /**
     * Creates ({@code id} null) or updates the post-mortem, then brings each slot's item in line with the slot:
     * added, changed, or deleted when emptied. A slot whose item someone else deleted or changed since the form was
     * read is stale, as the document is. Returns the post-mortem's id.
     */
    long save(Long id, FormSubmission submission) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PostMortemView saved = id == null ? service.create(submission.document())
                    : service.update(id, submission.document(), null);
            for (FormSubmission.SlotRequest slot : submission.slots()) {
                try {
                    apply(saved, slot);
                } catch (InvalidFieldsException e) {
                    throw new InvalidFieldsException(e.errors().stream()
                            .map(error -> new FieldError(slot.field(error.field()), error.message())).toList());
                }
            }
            return saved.id();
        });
    }

    private void apply(PostMortemView saved, FormSubmission.SlotRequest slot) {
        ActionItemView stored = saved.actionItems().stream()
                .filter(item -> slot.itemId() != null && slot.itemId().equals(item.id())).findFirst().orElse(null);
        ActionItemRequest typed = slot.item();
        if (stored == null) {
            if (typed != null && slot.itemId() != null) {
                // The slot showed an item someone deleted since: adding it again would undo their delete unseen.
                throw StaleVersionException.deleted("action item", slot.itemId());
            }
            if (typed != null) {
                service.addActionItem(saved.id(), typed);
            }
        } else if (typed == null) {
            if (slot.itemVersion() != null && slot.itemVersion() != stored.version()) {
                throw new StaleVersionException("action item", slot.itemVersion(), stored.version());
            }
            service.deleteActionItem(saved.id(), stored.id());
        } else if (!sameAs(stored.draft(), typed)) {
            service.updateActionItem(saved.id(), stored.id(), keepingWhatThePageDoesNotEdit(typed, stored,
                    slot.itemVersion()), null);
        }
    }

    /**
     * The page edits title, owner, due date and kind; rank, team, status, ticket and drop reason stay as stored (the
     * slot a stored item shows in is not its rank once someone re-ranked the items through the API meanwhile).
     */
    private static ActionItemRequest keepingWhatThePageDoesNotEdit(ActionItemRequest typed, ActionItemView stored,
            Long versionRead) {
        return new ActionItemRequest(stored.draft().priority(), typed.title(), typed.owner(), stored.draft().team(),
                typed.dueDate(), typed.kind(),
                stored.draft().ticketUrl(), null, null, stored.draft().dropReason(),
                versionRead == null ? stored.version() : versionRead);
    }

    private static boolean sameAs(ActionItemDraft stored, ActionItemRequest typed) {
        return Objects.equals(stored.title(), typed.title() == null ? null : typed.title().strip())
                && Objects.equals(stored.owner(), typed.owner() == null ? null : typed.owner().strip())
                && Objects.equals(stored.dueDate(), typed.dueDate())
                && stored.kind() == typed.kind();
    }
}
