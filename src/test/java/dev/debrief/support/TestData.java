package dev.debrief.support;

import dev.debrief.postmortem.SearchIndex;
import dev.debrief.postmortem.ShownViews;
import dev.debrief.security.Role;
import dev.debrief.security.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Resets the database and clock between tests, so that each test states everything it depends on. */
@ApplicationScoped
public class TestData {

    @Inject
    EntityManager em;

    @Inject
    UserService users;

    @Inject
    MutableClock clock;

    @Inject
    SearchIndex searchIndex;

    @Inject
    ShownViews shownViews;

    /** Seeded rows take ids from here on, far above what the sequences hand out in a test run. */
    private static final long SEEDED_IDS = 1_000_000_000L;

    private static final String SEEDED_AT = "timestamp with time zone '2026-03-01 10:00:00+00'";

    private static final String[] KINDS = {"DETECTION", "RESPONSE", "PREVENTION"};

    /** How many items {@link #openItems} has seeded since the last reset. */
    private int seeded;

    public void reset() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : new String[] {"webhook_attempt", "webhook_delivery", "webhook_event", "webhook"}) {
                em.createNativeQuery("delete from " + table).executeUpdate();
            }
        });
        clock.reset();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update tracker_lease set holder = null,"
                + " held_until = timestamp with time zone '1970-01-01 00:00:00+00'").executeUpdate());
        seeded = 0;
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : new String[] {"ended_session", "import_batch_file", "import_batch", "api_token", "demo_record", "demo_year", "sent_reminder",
                    "review_decision", "review_not_discussed", "review_attendee", "review", "tracker_close", "tracker_history",
                    "tracker_ticket", "action_item", "timeline_entry", "considered_idea", "postmortem_service",
                    "postmortem_tag", "postmortem_factor", "postmortem_link", "attendee", "postmortem", "team"}) {
                em.createNativeQuery("delete from " + table).executeUpdate();
            }
            // The seeded contributing factors stay; those a test added go.
            em.createNativeQuery("delete from factor where id > 8").executeUpdate();
        });
        searchIndex.forgetAll();
        shownViews.forgetAll();
        ensureUser(Api.EDITOR, Role.EDITOR);
        ensureUser(Api.VIEWER, Role.VIEWER);
        // After the users, whose creation is audited too: each test starts with an empty trail.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from audit_change").executeUpdate();
            em.createNativeQuery("delete from audit_event").executeUpdate();
        });
    }

    /**
     * Seeds {@code count} open action items straight into the tables, a few statements for hundreds of items: three
     * to a published SEV2 post-mortem, item n (counting from 0 in this call) ranked n % 3 + 1 with the kind of its
     * rank (DETECTION, RESPONSE, PREVENTION), owned by {@code owner.apply(n)} and due {@code due.apply(n)} (either
     * may be null). Returns the items' ids in that order; they grow with n.
     */
    public List<Long> openItems(int count, IntFunction<String> owner, IntFunction<LocalDate> due) {
        List<Long> ids = new ArrayList<>();
        List<String> postmortems = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            // Each call starts a post-mortem of its own, so ranks stay unique per post-mortem.
            long postmortem = SEEDED_IDS + seeded + n - n % 3;
            long id = SEEDED_IDS + seeded + n;
            if (n % 3 == 0) {
                postmortems.add("(" + postmortem + ", 'Seeded incident " + postmortem + "', 'SEV2', " + SEEDED_AT
                        + ", 'PUBLISHED', " + SEEDED_AT + ", " + SEEDED_AT + ", " + SEEDED_AT + ", 0)");
            }
            String who = owner.apply(n);
            LocalDate day = due.apply(n);
            items.add("(" + id + ", " + postmortem + ", " + (n % 3 + 1) + ", 'Seeded item " + id + "', "
                    + (who == null ? "null" : "'" + who + "'") + ", " + (day == null ? "null" : "date '" + day + "'")
                    + ", '" + KINDS[n % 3] + "', 'OPEN', " + SEEDED_AT + ", " + SEEDED_AT + ", 0)");
            ids.add(id);
        }
        seeded += count;
        QuarkusTransaction.requiringNew().run(() -> {
            insert("postmortem (id, title, severity, started_at, status, published_at, created_at, updated_at,"
                    + " version)", postmortems);
            insert("action_item (id, postmortem_id, priority, title, owner, due_date, kind, status, created_at,"
                    + " updated_at, version)", items);
        });
        return ids;
    }

    private void insert(String into, List<String> rows) {
        for (int from = 0; from < rows.size(); from += 500) {
            em.createNativeQuery("insert into " + into + " values " + String.join(", ",
                    rows.subList(from, Math.min(rows.size(), from + 500)))).executeUpdate();
        }
    }

    /** Runs one SQL statement in a transaction of its own, for tests that stand in for a migration. */
    public void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
        searchIndex.forgetAll();
        shownViews.forgetAll();
    }

    private void ensureUser(String username, Role role) {
        if (users.list().stream().noneMatch(u -> u.username().equals(username))) {
            users.create(username, Api.USER_PASSWORD, role);
        }
    }
}
