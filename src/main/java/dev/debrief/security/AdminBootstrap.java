package dev.debrief.security;

import dev.debrief.common.DebriefConfig;
import dev.debrief.common.FieldError;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * On the first start (no users yet) creates {@code admin}, with the password from
 * {@code DEBRIEF_ADMIN_PASSWORD} or, failing that, a generated one printed to the log once. Of several
 * instances starting together on one empty database, one creates it and the others start without it.
 */
@ApplicationScoped
public class AdminBootstrap {

    /** The bootstrap admin's user name; it may always sign in with its password, for recovery. */
    static final String USERNAME = "admin";

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    @Inject
    UserService users;

    @Inject
    DebriefConfig config;

    void onStart(@Observes StartupEvent event) {
        if (users.anyUser()) {
            return;
        }
        String password = config.adminPassword().filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        List<FieldError> refused = PasswordPolicy.problems("DEBRIEF_ADMIN_PASSWORD", USERNAME, password);
        if (!generated && !refused.isEmpty()) {
            throw new IllegalStateException("DEBRIEF_ADMIN_PASSWORD cannot be the admin's password: it "
                    + String.join(", and it ", refused.stream().map(FieldError::message).toList())
                    + ". Choose another and start again.");
        }
        if (!users.createFirst(USERNAME, password, Role.ADMIN, generated)) {
            LOG.info("The user 'admin' was created by another instance starting on the same database.");
            return;
        }
        if (generated) {
            LOG.warnf("Created user 'admin' with the generated password %s - it is shown only this once, and the "
                    + "first page sign-in asks for a new one. Set DEBRIEF_ADMIN_PASSWORD before the first start to "
                    + "choose it instead.", password);
        } else {
            LOG.info("Created user 'admin' with the password from DEBRIEF_ADMIN_PASSWORD.");
        }
    }
}
