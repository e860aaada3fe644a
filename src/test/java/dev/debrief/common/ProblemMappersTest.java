package dev.debrief.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Failures no request can avoid, mapped without a server: a lock the database gave up is a 409, not a 500. */
class ProblemMappersTest {

    static Stream<RuntimeException> locksGivenUp() {
        SQLException deadlock = new SQLException("Deadlock detected", "40001");
        return Stream.of(
                new RuntimeException(new LockAcquisitionException("could not execute statement", deadlock)),
                new PessimisticLockException("could not obtain lock"),
                new IllegalStateException(new LockTimeoutException("lock timeout")));
    }

    @ParameterizedTest
    @MethodSource("locksGivenUp")
    void aLockTheDatabaseGaveUpIsAConflictToTryAgain(RuntimeException failure) {
        Response response = new ProblemMappers().unexpected(failure);

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        assertThat(((Problem) response.getEntity()).detail()).contains("try again");
    }
}
