package dev.debrief.security;

import dev.debrief.audit.AuditTrail;
import dev.debrief.audit.Change;
import dev.debrief.audit.Subject;
import dev.debrief.common.ConflictException;
import dev.debrief.common.Database;
import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.NotFoundException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Manages who may sign in. */
@ApplicationScoped
@Transactional
public class UserService {

    @Inject
    Clock clock;

    @Inject
    SecurityConfig config;

    @Inject
    CredentialCache cache;

    @Inject
    EntityManager em;

    @Inject
    Database database;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    AuditTrail audit;

    @Inject
    PasswordChecks hashing;

    @Inject
    SignInThrottle throttle;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserView> list() {
        return AppUser.<AppUser>listAll(Sort.ascending("username")).stream().map(AppUser::view).toList();
    }

    public UserView create(String username, String password, Role role) {
        requireAllowed("password", username, password);
        if (AppUser.findByIdOptional(username).isPresent()) {
            throw new ConflictException("A user named '" + username + "' already exists.");
        }
        AppUser user = new AppUser(username, BcryptUtil.bcryptHash(password, config.bcryptCost()), role,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        user.persist();
        forgetAfterCommit(username);
        audit.record("user.created", Subject.user(username), List.of(new Change("role", null, role.label())));
        return user.view();
    }

    public void delete(String username) {
        AppUser user = AppUser.<AppUser>findByIdOptional(username)
                .orElseThrow(() -> new NotFoundException("user", username));
        requireAnotherAdmin(user, "deleting");
        user.delete();
        forgetAfterCommit(username);
        audit.record("user.deleted", Subject.user(username),
                List.of(new Change("role", user.getRole().label(), null)));
    }

    /** Gives a user another role, from their next request on (their tokens' too). */
    public UserView changeRole(String username, Role role) {
        AppUser user = AppUser.<AppUser>findByIdOptional(username, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("user", username));
        Role before = user.getRole();
        if (before != role) {
            if (role != Role.ADMIN) {
                requireAnotherAdmin(user, "demoting");
            }
            user.changeRole(role);
            forgetAfterCommit(username);
            audit.record("user.role-changed", Subject.user(username),
                    List.of(new Change("role", before.label(), role.label())));
        }
        return user.view();
    }

    /** Locking every admin row makes two concurrent removals of the last two admins take turns. */
    private static void requireAnotherAdmin(AppUser user, String doing) {
        if (user.getRole() == Role.ADMIN
                && AppUser.find("role", Role.ADMIN).withLock(LockModeType.PESSIMISTIC_WRITE).list().size() == 1) {
            throw new ConflictException("'" + user.getUsername() + "' is the last admin; create another admin before "
                    + doing + " this one.");
        }
    }

    /**
     * Changes the signed-in user's own password, given the current one. Every other session of the user ends, and
     * the old password is refused at the next request. Wrong current passwords are counted like failed sign-ins
     * ({@link SignInThrottle#checkPasswordChange}), so a stolen session cannot guess the password without limit.
     */
    public void changeOwnPassword(String username, String address, String currentPassword, String newPassword) {
        AppUser user = AppUser.<AppUser>findByIdOptional(username, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("user", username));
        try {
            throttle.checkPasswordChange(username, address);
            if (!hashing.matches(currentPassword, user.getPasswordHash())) {
                throttle.failedPasswordChange(username, address);
                throw InvalidFieldsException.of("currentPassword", "is not your current password");
            }
        } catch (SignInThrottledException refused) {
            throw new TooManyPasswordChecks(refused);
        }
        throttle.passwordChanged(username);
        setPassword(user, newPassword);
        audit.record("user.password-changed", Subject.user(username), List.of());
    }

    /** An admin sets another user's password, for one who forgot it; that user's sessions end. */
    public void resetPassword(String username, String newPassword) {
        setPassword(AppUser.<AppUser>findByIdOptional(username, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFoundException("user", username)), newPassword);
        audit.record("user.password-reset", Subject.user(username), List.of());
    }

    private void setPassword(AppUser user, String newPassword) {
        requireAllowed("newPassword", user.getUsername(), newPassword);
        user.changePassword(BcryptUtil.bcryptHash(newPassword, config.bcryptCost()));
        forgetAfterCommit(user.getUsername());
    }

    private static void requireAllowed(String field, String username, String password) {
        List<FieldError> problems = PasswordPolicy.problems(field, username, password);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    /**
     * Forgets the remembered credential once the change is committed: forgotten earlier, a sign-in racing the
     * change could remember the old state again.
     */
    private void forgetAfterCommit(String username) {
        cache.forget(username);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to do before: the entry is dropped after the outcome is known.
            }

            @Override
            public void afterCompletion(int status) {
                cache.forget(username);
            }
        });
    }

    /** Whether any user exists yet; the first start creates the admin when none does. */
    boolean anyUser() {
        return AppUser.count() > 0;
    }

    /**
     * Creates the first user; false when it exists already because another instance, starting at the same moment
     * on the same PostgreSQL database, created it first (the insert then does nothing, and nobody logs an error).
     */
    boolean createFirst(String username, String password, Role role, boolean generated) {
        int inserted = em.createNativeQuery("insert into app_user (username, password_hash, role, created_at,"
                        + " password_generated) values (?1, ?2, ?3, ?4, ?5)" + database.onConflictDoNothing())
                .setParameter(1, username)
                .setParameter(2, BcryptUtil.bcryptHash(password, config.bcryptCost()))
                .setParameter(3, role.name())
                .setParameter(4, clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                .setParameter(5, generated)
                .executeUpdate();
        cache.forget(username);
        if (inserted == 1) {
            audit.record("user.created", Subject.user(username), List.of(new Change("role", null, role.label())));
        }
        return inserted == 1;
    }
}
