package dev.debrief.security;

import dev.debrief.audit.AuditTrail;
import dev.debrief.audit.Change;
import dev.debrief.audit.Subject;
import dev.debrief.common.Database;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The Debrief user behind a person the provider vouched for: made at their first sign-in (on the pages or with an
 * access token on the API), with the role their claim maps to now. The role is read again at every sign-in and
 * every API request with a provider's token, so a person removed from a group loses its role the next time.
 */
@ApplicationScoped
public class SingleSignOnUsers {

    private final SecureRandom random = new SecureRandom();

    @Inject
    Clock clock;

    @Inject
    SecurityConfig config;

    @Inject
    SingleSignOnConfig sso;

    @Inject
    CredentialCache cache;

    @Inject
    AuditTrail audit;

    /**
     * The user for these claims, created or brought up to date; refused when the claims map to no role (and the
     * operator refuses such people), when a local user has the name, or when the name cannot be a user name. Each
     * attempt is a transaction of its own. Two first requests of one person at once (an API client's parallel calls
     * with a new access token) may both create the user: the one the database refuses reads the other's user.
     */
    AppUser userFor(SingleSignOnClaims claims) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> userIn(claims));
        } catch (RuntimeException e) {
            if (!Database.isConstraintViolation(e)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(() -> userIn(claims));
        }
    }

    private AppUser userIn(SingleSignOnClaims claims) {
        if (!claims.hasUsableName()) {
            throw new SingleSignOnRefusal(SingleSignOnRefusal.Reason.BAD_NAME, String.valueOf(claims.username()));
        }
        Role role = new RoleMapping(sso.roles()).roleFor(claims.roleValues())
                .orElseThrow(() -> new SingleSignOnRefusal(SingleSignOnRefusal.Reason.NO_ROLE, claims.username()));
        // The subject links the record to the person: a user name changed at the provider keeps its Debrief record.
        Optional<AppUser> existing = AppUser.find("ssoSubject", claims.subject())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        if (existing.isEmpty()) {
            if (AppUser.findByIdOptional(claims.username()).isPresent()) {
                throw new SingleSignOnRefusal(SingleSignOnRefusal.Reason.NAME_TAKEN, claims.username());
            }
            return create(claims, role);
        }
        AppUser user = existing.get();
        user.takeProfile(claims);
        Role before = user.getRole();
        if (before != role) {
            user.changeRole(role);
            cache.forget(user.getUsername());
            audit.recordAs(user.getUsername(), "user.role-changed", Subject.user(user.getUsername()),
                    List.of(new Change("role", before.label(), role.label())));
        }
        return user;
    }

    private AppUser create(SingleSignOnClaims claims, Role role) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String unusableHash = BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(secret),
                config.bcryptCost());
        AppUser user = AppUser.fromProvider(claims, role, unusableHash, clock.instant().truncatedTo(ChronoUnit.MICROS));
        user.persist();
        audit.recordAs(user.getUsername(), "user.created", Subject.user(user.getUsername()),
                List.of(new Change("role", null, role.label())));
        return user;
    }
}
