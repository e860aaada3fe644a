package dev.debrief.postmortem;

import io.quarkus.qute.RawString;
import java.util.List;
import java.util.Map;

/**
 * The write/edit form: what the user typed, the errors beside their fields, and on a conflict the version stored by
 * someone else (the sections' texts, and the other fields where the form differs from it).
 */
public record FormPage(Long id, PostMortemForm form, Map<String, String> errors, Map<String, String> theirs,
        List<FormDifferences.Difference> theirOtherFields, List<BlamelessCheck.SectionHits> warnings,
        List<String> teams, List<String> tags, List<NamedView> factors) {

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    /** The errors for the summary above the form, each linked to its box under the box's label. */
    public List<FormErrorLinks.ErrorLink> errorLinks() {
        return FormErrorLinks.of(errors);
    }

    /** For a box whose field was refused: marks it invalid and points it at the error shown beside it. */
    public RawString invalid(String field) {
        return new RawString(hasError(field) ? " aria-invalid=\"true\" aria-describedby=\"" + field + "-error\"" : "");
    }
}
