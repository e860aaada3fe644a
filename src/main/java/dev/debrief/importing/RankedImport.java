package dev.debrief.importing;

import dev.debrief.common.FieldError;
import dev.debrief.postmortem.ActionItemKind;
import dev.debrief.postmortem.ActionItemRequest;
import dev.debrief.postmortem.Section;
import dev.debrief.postmortem.TimeBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The document's action items as Debrief keeps them: the first three, ranked in the order written (owner and due
 * date where stated, otherwise left for the publish checklist), and any further ones, which go to "considered"
 * with their owner and due date in words. An item's kind, when the document does not say it, is read from its words.
 */
record RankedImport(List<ActionItemRequest> items, List<String> beyondThree, List<String> cut, List<String> warnings,
        List<FieldError> refusals) {

    private static final Pattern DETECTION = Pattern.compile(
            "(?i)\\b(alert\\w*|monitor\\w*|detect\\w*|dashboard\\w*|observab\\w*|slo|paging|synthetic)\\b");
    private static final Pattern RESPONSE = Pattern.compile(
            "(?i)\\b(runbook\\w*|playbook\\w*|on-?call|escalat\\w*|respon\\w*|access|rollback\\w*|roll back)\\b");

    static RankedImport of(List<ItemLines.Item> found) {
        List<ActionItemRequest> items = new ArrayList<>();
        List<String> beyond = new ArrayList<>();
        List<String> cut = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Integer> guessed = new ArrayList<>();
        List<FieldError> refusals = new ArrayList<>();
        for (ItemLines.Item item : found) {
            if (items.size() == 3) {
                beyond.add(item.title() + (item.owner() == null ? "" : " (owner: " + item.owner() + ")")
                        + (item.due() == null ? "" : " (due " + item.due() + ")"));
                continue;
            }
            int rank = items.size() + 1;
            ActionItemKind kind = item.kind();
            if (kind == null) {
                kind = guess(item.title());
                guessed.add(rank);
            }
            String title = item.title();
            if (title.length() > 200) {
                cut.add("- " + title);
                title = title.substring(0, 200);
            }
            String owner = item.owner() == null || item.owner().length() <= 100 ? item.owner()
                    : item.owner().substring(0, 100);
            if (item.due() != null && !TimeBounds.holds(item.due())) {
                // A typo'd year (0202, 20224) cannot be right: refused, never guessed, as the incident's times are.
                FieldError refusal = new FieldError("actionItems[" + (rank - 1) + "].dueDate", TimeBounds.DAY_RANGE);
                refusals.add(refusal);
                warnings.add(refusal.field() + " " + refusal.message());
            }
            items.add(new ActionItemRequest(rank, title, owner, null, item.due(), kind, null, null, null, null, null));
        }
        if (!guessed.isEmpty()) {
            warnings.add("The kind of action item(s) " + guessed + " is read from their words; check it on the page.");
        }
        if (!beyond.isEmpty()) {
            warnings.add(beyond.size() + " action item(s) beyond the first three went to 'considered'.");
        }
        if (!cut.isEmpty()) {
            warnings.add(cut.size() + " action item title(s) are longer than 200 characters: they are cut, and kept "
                    + "in full in " + Section.WHAT_WE_CHANGE.label);
        }
        return new RankedImport(items, beyond, cut, warnings, refusals);
    }

    private static ActionItemKind guess(String title) {
        if (DETECTION.matcher(title).find()) {
            return ActionItemKind.DETECTION;
        }
        return RESPONSE.matcher(title).find() ? ActionItemKind.RESPONSE : ActionItemKind.PREVENTION;
    }
}
