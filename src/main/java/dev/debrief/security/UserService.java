package dev.debrief.security;

import dev.debrief.common.ConflictException;
import dev.debrief.common.Database;
import dev.debrief.common.DebriefConfig;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.NotFoundException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Manages who may sign in. */
@ApplicationScoped
@Transactional
public class UserService {

    private static final int BCRYPT_MAX_BYTES = 72;

    @Inject
    Clock clock;

    @Inject
    DebriefConfig config;

    @Inject
    CredentialCache cache;

    @Inject
    EntityManager em;

    @Inject
    Database database;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserView> list() {
        return AppUser.<AppUser>listAll(Sort.ascending("username")).stream().map(UserView::of).toList();
    }

    public UserView create(String username, String password, Role role) {
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            throw InvalidFieldsException.of("password", "must be at most " + BCRYPT_MAX_BYTES
                    + " bytes in UTF-8: bcrypt ignores anything longer");
        }
        if (AppUser.findByIdOptional(username).isPresent()) {
            throw new ConflictException("A user named '" + username + "' already exists.");
        }
        AppUser user = new AppUser(username, BcryptUtil.bcryptHash(password, config.security().bcryptCost()), role,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        user.persist();
        cache.forget(username);
        return UserView.of(user);
    }

    public void delete(String username) {
        AppUser user = AppUser.<AppUser>findByIdOptional(username)
                .orElseThrow(() -> new NotFoundException("user", username));
        // Locking every admin row makes two concurrent deletions of the last two admins take turns.
        if (user.getRole() == Role.ADMIN
                && AppUser.find("role", Role.ADMIN).withLock(LockModeType.PESSIMISTIC_WRITE).list().size() == 1) {
            throw new ConflictException("'" + username + "' is the last admin; create another admin before "
                    + "deleting this one.");
        }
        user.delete();
        cache.forget(username);
    }

    /** Whether any user exists yet; the first start creates the admin when none does. */
    boolean anyUser() {
        return AppUser.count() > 0;
    }

    /**
     * Creates the first user; false when it exists already because another instance, starting at the same moment
     * on the same PostgreSQL database, created it first (the insert then does nothing, and nobody logs an error).
     */
    boolean createFirst(String username, String password, Role role) {
        int inserted = em.createNativeQuery("insert into app_user (username, password_hash, role, created_at)"
                        + " values (?1, ?2, ?3, ?4)" + database.onConflictDoNothing())
                .setParameter(1, username)
                .setParameter(2, BcryptUtil.bcryptHash(password, config.security().bcryptCost()))
                .setParameter(3, role.name())
                .setParameter(4, clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                .executeUpdate();
        cache.forget(username);
        return inserted == 1;
    }
}
