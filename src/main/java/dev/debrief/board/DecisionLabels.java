package dev.debrief.board;

import io.quarkus.qute.TemplateExtension;

/** How the review page names each decision, so that the template lists the decisions instead of spelling them. */
@TemplateExtension
final class DecisionLabels {

    private DecisionLabels() {
    }

    static String label(Decision decision) {
        return switch (decision) {
            case KEEP -> "Keep";
            case REDATE -> "Re-date";
            case DONE -> "Done";
            case DROP -> "Drop";
        };
    }
}
