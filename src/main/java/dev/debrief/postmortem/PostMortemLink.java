package dev.debrief.postmortem;

import dev.debrief.common.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A link between two post-mortems, made from the first; both show it. Created and removed through the first. */
@Entity
@Table(name = "postmortem_link")
@SequenceGenerator(sequenceName = "postmortem_link_seq")
public class PostMortemLink extends Identified {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "postmortem_id", nullable = false)
    private PostMortem source;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "related_id", nullable = false)
    private PostMortem target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private LinkKind kind;

    @Column(nullable = false)
    private Instant createdAt;

    protected PostMortemLink() {
    }

    PostMortemLink(PostMortem from, PostMortem to, LinkKind kind, Instant now) {
        this.source = from;
        this.target = to;
        this.kind = kind;
        this.createdAt = now;
    }

    boolean joins(PostMortem one, PostMortem other) {
        return source == one && target == other || source == other && target == one;
    }

    /** The link as {@code side} shows it: the other post-mortem and the kind. */
    LinkView viewFrom(PostMortem side) {
        PostMortem other = source == side ? target : source;
        return new LinkView(other.getId(), other.getTitle(), kind);
    }

    PostMortem other(PostMortem side) {
        return source == side ? target : source;
    }
}
