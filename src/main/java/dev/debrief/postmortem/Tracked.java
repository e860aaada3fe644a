package dev.debrief.postmortem;

import dev.debrief.common.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What a post-mortem and each of its action items record about themselves alike: when they were created and last
 * changed, and the version that optimistic locking checks and the API's ETags carry.
 */
@MappedSuperclass
public abstract class Tracked extends Identified {

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected void created(Instant now) {
        createdAt = now;
    }

    protected void changed(Instant now) {
        updatedAt = now;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
