package dev.debrief.postmortem;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One contributing factor of a post-mortem, as stored: the factor, by reference, and how it contributed. */
@Embeddable
public class ContributingFactor {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "factor_id", nullable = false)
    private Factor factor;

    @Column(length = 2000)
    private String note;

    protected ContributingFactor() {
    }

    ContributingFactor(Factor factor, String note) {
        this.factor = factor;
        this.note = note;
    }

    IncidentDocument.Factor toDocument() {
        return new IncidentDocument.Factor(factor.getId(), factor.getName(), note);
    }
}
