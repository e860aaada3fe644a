package dev.debrief.security;

import dev.debrief.common.ConflictException;
import dev.debrief.common.DebriefConfig;
import dev.debrief.common.NotFoundException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Manages who may sign in. */
@ApplicationScoped
@Transactional
public class UserService {

    @Inject
    Clock clock;

    @Inject
    DebriefConfig config;

    @Inject
    CredentialCache cache;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserView> list() {
        return AppUser.<AppUser>listAll(Sort.ascending("username")).stream().map(UserView::of).toList();
    }

    public UserView create(String username, String password, Role role) {
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
        if (user.getRole() == Role.ADMIN && AppUser.count("role", Role.ADMIN) == 1) {
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
}
