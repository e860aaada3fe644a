package dev.debrief.postmortem;

import dev.debrief.common.InvalidFieldsException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A kind of contributing factor (a change, capacity, a dependency, ...): the list admins keep, seeded by the schema
 * (V16). Post-mortems refer to a factor by id, so a renamed factor keeps its post-mortems. Names are unique
 * whatever their case.
 */
@Entity
@Table(name = "factor")
public class Factor extends Tracked {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "factor_seq")
    @SequenceGenerator(name = "factor_seq", sequenceName = "factor_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "name_key", nullable = false, length = 100)
    private String nameKey;

    protected Factor() {
    }

    Factor(String name, Instant now) {
        created(now);
        rename(name, now);
    }

    void rename(String newName, Instant now) {
        name = newName.strip();
        nameKey = Team.keyOf(name);
        changed(now);
    }

    static Factor findByName(String name) {
        return Factor.<Factor>find("nameKey", Team.keyOf(name)).firstResult();
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

    FactorView view() {
        return new FactorView(id, name, getCreatedAt(), getUpdatedAt(), getVersion());
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
