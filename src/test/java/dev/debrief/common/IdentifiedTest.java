package dev.debrief.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.junit.jupiter.api.Test;

/**
 * The id rule of {@link Identified}: each entity draws its ids from the sequence its migration made for its table,
 * fifty at a time. A sequence that does not exist already stops the start (schema validation); this catches an entity
 * drawing from another table's sequence, or from one Hibernate names itself.
 */
@QuarkusTest
class IdentifiedTest {

    @Inject
    SessionFactory sessions;

    @Test
    void everyIdentifiedEntityDrawsFromItsOwnTablesSequenceFiftyAtATime() {
        List<String> checked = new ArrayList<>();
        sessions.unwrap(SessionFactoryImplementor.class).getMappingMetamodel().forEachEntityDescriptor(entity -> {
            if (!Identified.class.isAssignableFrom(entity.getMappedClass())) {
                return;
            }
            String table = ((AbstractEntityPersister) entity).getTableName();
            assertThat(entity.getGenerator()).as(table).isInstanceOf(SequenceStyleGenerator.class);
            SequenceStyleGenerator generator = (SequenceStyleGenerator) entity.getGenerator();
            assertThat(generator.getDatabaseStructure().getPhysicalName().getObjectName().getText()).as(table)
                    .isEqualTo(table + "_seq");
            assertThat(generator.getDatabaseStructure().getIncrementSize()).as(table).isEqualTo(50);
            checked.add(table);
        });

        assertThat(checked).contains("postmortem", "action_item", "postmortem_link", "team", "factor", "review",
                "review_decision", "audit_event", "tracker_ticket", "tracker_history", "tracker_close",
                "import_batch", "api_token", "webhook", "webhook_delivery").hasSize(15);
    }
}
