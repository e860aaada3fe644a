package dev.debrief.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.id.enhanced.SequenceStyleGenerator;

/**
 * Ids this instance reserved before an import. Hibernate takes ids from each sequence in blocks of 50 and hands them out
 * from memory, so ids reserved before the import (by the first admin's audited creation, by sign-ins) may now belong to
 * imported rows, and the next insert would collide with one. After the import each generator is moved on until it
 * hands out an id above the highest stored in its table; the sequences, restarted past the imported ids and past
 * every id they gave before ({@link InstanceTables#restartSequences}), give the rest.
 */
@ApplicationScoped
class ReservedIds {

    @Inject
    SessionFactory sessions;

    void skipPastStoredIds() {
        SessionFactoryImplementor factory = sessions.unwrap(SessionFactoryImplementor.class);
        try (StatelessSession stateless = sessions.openStatelessSession()) {
            SharedSessionContractImplementor session = (SharedSessionContractImplementor) stateless;
            factory.getMappingMetamodel().forEachEntityDescriptor(entity -> {
                if (entity.getGenerator() instanceof SequenceStyleGenerator generator) {
                    Long highest = stateless.createSelectionQuery("select max(e." + entity.getIdentifierPropertyName()
                            + ") from " + entity.getEntityName() + " e", Long.class).getSingleResult();
                    if (highest != null) {
                        long id;
                        do {
                            id = ((Number) generator.generate(session, null)).longValue();
                        } while (id <= highest);
                    }
                }
            });
        }
    }
}
