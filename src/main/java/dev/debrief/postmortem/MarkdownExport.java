package dev.debrief.postmortem;

import dev.debrief.common.Display;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Writes a post-mortem as one Markdown document for wikis and tickets: title, facts, the four agenda
 * sections, the action items as a table, the timeline and the ideas considered. Text typed by people is
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

        md.append("\n## Action items\n\n");
        if (pm.actionItems().isEmpty()) {
            md.append("None yet.\n");
        } else {
            md.append("| Rank | Title | Owner | Due | Kind | Status |\n");
            md.append("| ---: | --- | --- | --- | --- | --- |\n");
            for (ActionItemDraft item : pm.actionItems().stream().map(ActionItemView::draft).toList()) {
                md.append("| ").append(item.priority())
                        .append(" | ").append(inline(item.title()))
                        .append(" | ").append(inline(item.owner()))
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
