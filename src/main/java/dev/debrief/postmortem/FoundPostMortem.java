package dev.debrief.postmortem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A row of the post-mortem list: the post-mortem's summary and, when the list is a search, a few words around the
 * first place its sections or action items have a word searched for ({@code snippet}, plain text; absent when
 * only the title has one, or without {@code q}).
 */
public record FoundPostMortem(@JsonUnwrapped PostMortemSummary summary,
        @JsonInclude(JsonInclude.Include.NON_NULL) String snippet) {
}
