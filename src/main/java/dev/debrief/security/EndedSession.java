package dev.debrief.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A page session ended by signing out: its cookie, and every copy of it, is refused until {@code endsAt}. */
@Entity
@Table(name = "ended_session")
class EndedSession extends PanacheEntityBase {

    @Id
    @Column(length = 32)
    private String id;

    /** When the session would have timed out anyway; the row is not needed after it. */
    @Column(nullable = false)
    private Instant endsAt;

    protected EndedSession() {
    }

    EndedSession(String id, Instant endsAt) {
        this.id = id;
        this.endsAt = endsAt;
    }
}
