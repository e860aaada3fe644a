package dev.debrief.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One field an audited change touched, with its value before and after as text. */
@Embeddable
public class AuditChange {

    /** The longest value a change keeps; longer ones (which the request size limits rule out) are shortened. */
    static final int MAX_VALUE = 1_000_000;

    @Column(name = "field", nullable = false, length = 100)
    private String field;

    @Column(name = "from_value", length = MAX_VALUE)
    private String from;

    @Column(name = "to_value", length = MAX_VALUE)
    private String to;

    protected AuditChange() {
    }

    AuditChange(Change change) {
        this.field = change.field();
        this.from = bounded(change.from());
        this.to = bounded(change.to());
    }

    Change toChange() {
        return new Change(field, from, to);
    }

    private static String bounded(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "…";
    }
}
