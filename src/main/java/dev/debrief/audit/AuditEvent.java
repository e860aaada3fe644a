package dev.debrief.audit;

import dev.debrief.common.Identified;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Immutable;

/** One row of the audit trail. Immutable: the application appends events and never changes one. */
@Entity
@Immutable
@Table(name = "audit_event")
@SequenceGenerator(sequenceName = "audit_event_seq")
class AuditEvent extends Identified {

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 100)
    private String actor;

    @Column(nullable = false, length = 40)
    private String action;

    @Embedded
    private Subject subject;

    @Column(length = 64)
    private String address;

    @ElementCollection
    @CollectionTable(name = "audit_change", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 100)
    private List<AuditChange> changes = new ArrayList<>();

    protected AuditEvent() {
    }

    AuditEvent(Instant at, String actor, String action, Subject subject, String address, List<Change> changes) {
        this.at = at;
        this.actor = cut(actor, 100);
        this.action = action;
        this.subject = subject.bounded();
        this.address = address == null ? null : cut(address, 64);
        changes.forEach(change -> this.changes.add(new AuditChange(change)));
    }

    AuditEntry toEntry() {
        return new AuditEntry(getId(), at, actor, action, subject, address,
                changes.stream().map(AuditChange::toChange).toList());
    }

    static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
