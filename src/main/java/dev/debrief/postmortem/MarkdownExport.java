package dev.debrief.postmortem;

import dev.debrief.common.Display;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Writes a post-mortem as one Markdown document for wikis and tickets: title, facts (team and tags among them),
 * the four agenda sections, the contributing factors, the action items as a table (an item owned by another team
 * than the post-mortem's says so beside its owner), the timeline and the ideas considered. Text typed by people is
 * kept as Markdown; single-line values are escaped so that they cannot break the document's structure.
 */
@ApplicationScoped
public class MarkdownExport {

    @Inject
    Display display;

    public String export(PostMortemView pm) {
        IncidentDocument doc = pm.document();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(inline(doc.title())).append("\n\n");
        md.append("- **Status:** ").append(pm.status());
        if (pm.publishedAt() != null) {
            md.append(", published ").append(time(pm.publishedAt()));
        }
        md.append('\n');
        md.append("- **Severity:** ").append(doc.severity()).append('\n');
        if (doc.team() != null) {
            md.append("- **Team:** ").append(inline(doc.team())).append('\n');
        }
        if (!doc.tags().isEmpty()) {
            md.append("- **Tags:** ").append(inline(String.join(", ", doc.tags()))).append('\n');
        }
        if (!doc.services().isEmpty()) {
            md.append("- **Services:** ").append(inline(String.join(", ", doc.services()))).append('\n');
        }
        md.append("- **Impact started:** ").append(time(doc.startedAt())).append('\n');
        if (doc.detectedAt() != null) {
            md.append("- **Detected:** ").append(time(doc.detectedAt()));
            if (doc.detectionSource() != null) {
                md.append(" (").append(doc.detectionSource()).append(')');
            }
            md.append(", time to detect ").append(display.minutes(pm.timing().timeToDetectMinutes())).append('\n');
        }
        if (doc.resolvedAt() != null) {
            md.append("- **Resolved:** ").append(time(doc.resolvedAt())).append(", time to resolve ")
                    .append(display.minutes(pm.timing().timeToResolveMinutes())).append('\n');
        }
        if (!doc.attendees().isEmpty()) {
            md.append("- **Attendees:** ").append(inline(String.join(", ", doc.attendees()))).append('\n');
        }
        for (Section section : Section.values()) {
            section(md, section.label, doc.text(section));
        }
        if (!doc.factors().isEmpty()) {
            md.append("\n## Contributing factors\n\n");
            for (IncidentDocument.Factor factor : doc.factors()) {
                md.append("- ").append(inline(factor.factor()));
                if (factor.note() != null) {
                    md.append(": ").append(inline(factor.note()));
                }
                md.append('\n');
            }
        }

        md.append("\n## Action items\n\n");
        if (pm.actionItems().isEmpty()) {
            md.append("None yet.\n");
        } else {
            md.append("| Rank | Title | Owner | Due | Kind | Status |\n");
            md.append("| ---: | --- | --- | --- | --- | --- |\n");
            for (ActionItemDraft item : pm.actionItems().stream().map(ActionItemView::draft).toList()) {
                md.append("| ").append(item.priority())
                        .append(" | ").append(inline(item.title()))
                        .append(" | ").append(inline(ownerOf(item, doc.team())))
                        .append(" | ").append(item.dueDate() == null ? "" : item.dueDate())
                        .append(" | ").append(item.kind())
                        .append(" | ").append(item.status())
                        .append(" |\n");
            }
        }
        if (!doc.timeline().isEmpty()) {
            md.append("\n## Timeline\n\n");
            for (IncidentDocument.Timeline entry : doc.timeline()) {
                md.append("- ").append(time(entry.at())).append(": ").append(inline(entry.event())).append('\n');
            }
        }
        if (!doc.considered().isEmpty()) {
            md.append("\n## Considered, not chosen\n\n");
            for (String idea : doc.considered()) {
                md.append("- ").append(inline(idea)).append('\n');
            }
        }
        return md.toString();
    }

    /** The item's owner, and its team where it is not the post-mortem's own. */
    private static String ownerOf(ActionItemDraft item, String documentTeam) {
        if (item.team() == null || item.team().equals(documentTeam)) {
            return item.owner();
        }
        return (item.owner() == null ? "" : item.owner() + " ") + "(team " + item.team() + ")";
    }

    private void section(StringBuilder md, String heading, String text) {
        md.append("\n## ").append(heading).append("\n\n");
        md.append(text == null || text.isBlank() ? "_Not written yet._" : text.strip()).append('\n');
    }

    private String time(Instant instant) {
        return display.dateTime(instant) + " " + display.zoneName();
    }

    /** One line of plain text, with Markdown and HTML meaning taken away. */
    static String inline(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        StringBuilder out = new StringBuilder(flat.length());
        for (char c : flat.toCharArray()) {
            if ("\\`*_{}[]()<>#+-.!|~&".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
