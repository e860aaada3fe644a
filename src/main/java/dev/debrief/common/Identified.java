package dev.debrief.common;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * An entity whose id comes from a sequence of its own, fifty ids at a time (JPA's default allocation, matching each
 * migration's {@code increment by 50}). The entity names its sequence with an unnamed {@code @SequenceGenerator} on its
 * class, which JPA 3.2 makes the generator of the id this class declares; the schema validation at start fails if
 * the sequence does not exist.
 */
@MappedSuperclass
public abstract class Identified extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    public Long getId() {
        return id;
    }
}
