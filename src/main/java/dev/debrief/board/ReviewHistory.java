package dev.debrief.board;

import dev.debrief.postmortem.ActionItemHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Action items' history as the weekly reviews wrote it. */
@ApplicationScoped
public class ReviewHistory implements ActionItemHistory {

    @Inject
    ReviewService reviews;

    @Override
    public List<Entry> of(List<Long> actionItemIds) {
        return reviews.history(actionItemIds).stream()
                .map(d -> new Entry(d.actionItemId(), d.decidedAt(), d.decidedBy(), describe(d), d.note()))
                .toList();
    }

    private static String describe(ReviewViews.DecisionView d) {
        String what = switch (d.decision()) {
            case KEEP -> "kept";
            case REDATE -> "re-dated from " + d.previousDueDate() + " to " + d.newDueDate();
            case DONE -> "marked done";
            case DROP -> "dropped";
        };
        return "Review " + d.week() + ": " + what + (d.reason() == null ? "" : " (" + d.reason() + ")");
    }
}
