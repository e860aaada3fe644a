package dev.debrief.postmortem;

import dev.debrief.common.InvalidFieldsException;
import jakarta.persistence.Entity;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A kind of contributing factor (a change, capacity, a dependency, ...): the list admins keep, seeded by the schema
 * (V16). Post-mortems refer to a factor by id, so a renamed factor keeps its post-mortems.
 */
@Entity
@Table(name = "factor")
@SequenceGenerator(sequenceName = "factor_seq")
public class Factor extends NamedEntry {

    protected Factor() {
    }

    Factor(String name, Instant now) {
        super(name, now);
    }

    /** The factor a post-mortem lists in {@code field}; an id that is no factor's is refused. */
    static Factor withId(String field, Long id) {
        Factor factor = id == null ? null : Factor.<Factor>findById(id);
        if (factor == null) {
            throw InvalidFieldsException.of(field, "names no contributing factor: " + id
                    + " (GET /api/factors lists them)");
        }
        return factor;
    }
}
