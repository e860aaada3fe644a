package dev.debrief.postmortem;

import jakarta.inject.Inject;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/** Tells H2's {@link SearchIndex} which post-mortems a transaction wrote, whatever wrote them through the aggregate. */
public class SearchIndexListener {

    @Inject
    SearchIndex index;

    @PostPersist
    @PostUpdate
    @PostRemove
    void written(PostMortem postMortem) {
        index.written(postMortem.getId());
    }
}
