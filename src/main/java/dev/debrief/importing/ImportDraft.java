package dev.debrief.importing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.debrief.common.FieldError;
import dev.debrief.postmortem.ActionItemRequest;
import dev.debrief.postmortem.PostMortemRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * What an imported Markdown document becomes: the post-mortem and its ranked items as the API would take them, the
 * items beyond three (which go to "considered"), which heading went where, the headings that map to no field (their
 * text is kept in "What happened?"), and warnings. {@code refusals} are what makes a real import a 422: a document
 * without a title or a start, or a date that cannot be right.
 */
public record ImportDraft(
        PostMortemRequest postmortem,
        List<ActionItemRequest> actionItems,
        List<String> considered,
        List<Mapping> mapping,
        List<String> unmapped,
        List<String> warnings,
        @JsonIgnore List<FieldError> refusals) {

    /** The same draft with one more warning at the end. */
    ImportDraft withWarning(String warning) {
        List<String> more = new ArrayList<>(warnings);
        more.add(warning);
        return new ImportDraft(postmortem, actionItems, considered, mapping, unmapped, List.copyOf(more), refusals);
    }

    /** A heading of the document and the field its text went to. */
    public record Mapping(String heading, String field) {
    }
}
