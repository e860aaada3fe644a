package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.common.Database;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * V22 keeps PostgreSQL's vector of the words in the row (storage main), where ranking many matches reads it
 * without a second fetch; H2 has no such column, which V22 leaves so.
 */
@QuarkusTest
class V22SearchVectorInlineTest {

    @Inject
    EntityManager em;

    @Inject
    Database database;

    @Test
    void theSearchVectorIsStoredInTheRowOnPostgresAndAbsentOnH2() {
        if (database.isPostgres()) {
            Object storage = em.createNativeQuery("select attstorage from pg_attribute"
                    + " where attrelid = 'postmortem'::regclass and attname = 'search_vector'").getSingleResult();
            assertThat(storage.toString()).isEqualTo("m");
        } else {
            Number columns = (Number) em.createNativeQuery("select count(*) from information_schema.columns"
                    + " where table_name = 'POSTMORTEM' and column_name = 'SEARCH_VECTOR'").getSingleResult();
            assertThat(columns.longValue()).isZero();
        }
    }
}
