package dev.debrief.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLIntegrityConstraintViolationException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.exception.ConstraintViolationException;

/** The few places where H2 and PostgreSQL need different SQL. */
@ApplicationScoped
public class Database {

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String kind;

    /**
     * What to append to an {@code insert} so that a row whose key exists already is skipped without an error, in
     * Debrief's log or the database's. Several instances share only PostgreSQL, which has
     * {@code on conflict do nothing}; H2 lets one process open its file, so its inserts never race (and H2 has no
     * such clause).
     */
    public String onConflictDoNothing() {
        return isPostgres() ? " on conflict do nothing" : "";
    }

    public boolean isPostgres() {
        return kind.startsWith("postgres");
    }

    /** Whether this failure, or one of its causes, is a key or constraint of the schema refusing a row. */
    public static boolean isConstraintViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException
                    || cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
