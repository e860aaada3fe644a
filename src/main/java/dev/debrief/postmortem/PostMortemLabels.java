package dev.debrief.postmortem;

import io.quarkus.qute.TemplateExtension;

/** How the pages name the post-mortem's enum values, so that templates list the values instead of spelling them. */
@TemplateExtension
final class PostMortemLabels {

    private PostMortemLabels() {
    }

    static String label(PostMortemStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case PUBLISHED -> "Published";
        };
    }

    static String label(ActionItemKind kind) {
        return switch (kind) {
            case DETECTION -> "Detection: find it sooner";
            case RESPONSE -> "Response: fix it faster";
            case PREVENTION -> "Prevention: stop it happening";
        };
    }
}
