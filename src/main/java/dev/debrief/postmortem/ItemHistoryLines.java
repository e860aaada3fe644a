package dev.debrief.postmortem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history of a post-mortem's action items as its page shows it, gathered from every {@link ActionItemHistory}
 * (the weekly review's decisions, the issue trackers' closes and reopens), oldest first.
 */
@ApplicationScoped
public class ItemHistoryLines {

    /** One line of an action item's history: the item by rank and title, when, who, what and why. */
    public record Line(int rank, String item, Instant at, String who, String what, String note) {
    }

    @Inject
    Instance<ActionItemHistory> histories;

    public List<Line> of(PostMortemView pm) {
        Map<Long, ActionItemView> items = new LinkedHashMap<>();
        pm.actionItems().forEach(item -> items.put(item.id(), item));
        List<Line> lines = new ArrayList<>();
        for (ActionItemHistory source : histories) {
            for (ActionItemHistory.Entry entry : source.of(List.copyOf(items.keySet()))) {
                ActionItemView item = items.get(entry.actionItemId());
                lines.add(new Line(item.draft().priority(), item.draft().title(), entry.at(), entry.who(),
                        entry.what(), entry.note()));
            }
        }
        lines.sort(Comparator.comparing(Line::at));
        return lines;
    }
}
