package dev.debrief.postmortem;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.stream.Stream;

/**
 * The words a post-mortem is found by (V21), as {@link SearchText} writes them: those of its title, and those of its
 * action items' titles and its sections. Derived from the document, rewritten on every change of a text they read.
 */
@Embeddable
public class SearchWords {

    @Column(name = "search_title", nullable = false, length = SearchText.MAX_TITLE_LENGTH)
    private String searchTitle = " ";

    @Column(name = "search_text", nullable = false, length = SearchText.MAX_BODY_LENGTH)
    private String searchText = " ";

    void index(String title, Stream<String> body) {
        searchTitle = SearchText.of(Stream.of(title), SearchText.MAX_TITLE_LENGTH);
        searchText = SearchText.of(body, SearchText.MAX_BODY_LENGTH);
    }
}
