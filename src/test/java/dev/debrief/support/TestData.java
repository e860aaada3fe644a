package dev.debrief.support;

import dev.debrief.security.Role;
import dev.debrief.security.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Resets the database and clock between tests, so that each test states everything it depends on. */
@ApplicationScoped
public class TestData {

    @Inject
    EntityManager em;

    @Inject
    UserService users;

    @Inject
    MutableClock clock;

    public void reset() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : new String[] {"webhook_attempt", "webhook_delivery", "webhook_event", "webhook"}) {
                em.createNativeQuery("delete from " + table).executeUpdate();
            }
        });
        clock.reset();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update tracker_lease set holder = null,"
                + " held_until = timestamp with time zone '1970-01-01 00:00:00+00'").executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : new String[] {"import_batch_file", "import_batch", "api_token", "demo_record", "demo_year", "sent_reminder",
                    "review_decision", "review_not_discussed", "review_attendee", "review", "tracker_history",
                    "tracker_ticket", "action_item", "timeline_entry", "considered_idea", "postmortem_service",
                    "postmortem_tag", "postmortem_factor", "postmortem_link", "attendee", "postmortem", "team"}) {
                em.createNativeQuery("delete from " + table).executeUpdate();
            }
            // The seeded contributing factors stay; those a test added go.
            em.createNativeQuery("delete from factor where id > 8").executeUpdate();
        });
        ensureUser(Api.EDITOR, Role.EDITOR);
        ensureUser(Api.VIEWER, Role.VIEWER);
        // After the users, whose creation is audited too: each test starts with an empty trail.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from audit_change").executeUpdate();
            em.createNativeQuery("delete from audit_event").executeUpdate();
        });
    }

    /** Runs one SQL statement in a transaction of its own, for tests that stand in for a migration. */
    public void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    private void ensureUser(String username, Role role) {
        if (users.list().stream().noneMatch(u -> u.username().equals(username))) {
            users.create(username, Api.USER_PASSWORD, role);
        }
    }
}
