package dev.debrief.importing;

import dev.debrief.postmortem.IncidentDocument;
import dev.debrief.postmortem.StoredDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A document's team and tags ({@code - **Team:** payments}, {@code - **Tags:** dns, cache}, as Debrief's export
 * writes them), kept where Debrief can keep them: a team it does not know and a tag it cannot store are left out
 * with a warning, and the stored original keeps them.
 */
final class TeamAndTags {

    private TeamAndTags() {
    }

    /** The team stated, if {@code knownTeam} knows it; else none, with a warning. */
    static String team(String stated, Predicate<String> knownTeam, List<String> warnings) {
        if (stated == null || knownTeam.test(stated.strip())) {
            return stated;
        }
        warnings.add("The team '" + stated.strip() + "' is not one of Debrief's teams (an admin adds teams at"
                + " /admin/lists): imported without a team.");
        return null;
    }

    /** The tags stated, as stored, each once, at most {@value StoredDocument#MAX_TAGS}. */
    static List<String> tags(String stated, List<String> warnings) {
        List<String> listed = new ArrayList<>();
        MarkdownImporter.splitInto(listed, stated);
        List<String> tags = new ArrayList<>();
        for (String tag : listed) {
            if (!IncidentDocument.isTag(tag)) {
                warnings.add("The tag '" + tag + "' is not one Debrief keeps (at most " + StoredDocument.MAX_TAG_LENGTH
                        + " letters, digits, spaces or . _ / : + # -): left out.");
            } else if (!tags.contains(IncidentDocument.tag(tag))) {
                tags.add(IncidentDocument.tag(tag));
            }
        }
        if (tags.size() > StoredDocument.MAX_TAGS) {
            warnings.add("More than " + StoredDocument.MAX_TAGS + " tags: the first " + StoredDocument.MAX_TAGS
                    + " are kept.");
            return List.copyOf(tags.subList(0, StoredDocument.MAX_TAGS));
        }
        return tags;
    }
}
