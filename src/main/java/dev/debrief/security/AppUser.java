package dev.debrief.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;

/** A person or API client who may sign in; the password is kept only as a bcrypt hash. */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    private String username;

    @Column(nullable = false, length = 100)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private Instant createdAt;

    /**
     * Goes up with every change of password; a page session signed in with another count is over. It starts at a
     * random count, so a user deleted and created again under the same name does not take back the sessions of the
     * one before.
     */
    @Column(nullable = false)
    private long credentialVersion;

    /** The password was generated at first start and shown once in the log: it must be replaced. */
    @Column(nullable = false)
    private boolean passwordGenerated;

    /** The provider's subject ({@code sub}) of a person who signs in through single sign-on; null for a local user. */
    @Column(length = 255)
    private String ssoSubject;

    @Column(length = 254)
    private String email;

    @Column(length = 200)
    private String displayName;

    protected AppUser() {
    }

    AppUser(String username, String passwordHash, Role role, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
        this.credentialVersion = ThreadLocalRandom.current().nextLong(Long.MAX_VALUE / 2);
    }

    /**
     * A person known from single sign-on, recorded at their first sign-in. {@code unusableHash} is the hash of a
     * secret nobody keeps, so the record has no password anyone can sign in with until an admin sets one.
     */
    static AppUser fromProvider(SingleSignOnClaims claims, Role role, String unusableHash, Instant createdAt) {
        AppUser user = new AppUser(claims.username(), unusableHash, role, createdAt);
        user.ssoSubject = claims.subject();
        user.takeProfile(claims);
        return user;
    }

    /** The e-mail and display name the provider gives now. */
    void takeProfile(SingleSignOnClaims claims) {
        email = claims.email();
        displayName = claims.displayName();
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    /** A new role; sessions and tokens read the role at each request, so it applies at the next one. */
    void changeRole(Role newRole) {
        role = newRole;
    }

    /** A new password: every session and remembered credential from before it stops working. */
    void changePassword(String newHash) {
        passwordHash = newHash;
        credentialVersion++;
        passwordGenerated = false;
    }

    /**
     * The user {@code username} as stored now, for the check of a request's credentials: one read by primary key,
     * outside any transaction, since it runs at every request and writes nothing (docs/performance.md).
     */
    static Optional<AppUser> stored(SessionFactory sessions, String username) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            return Optional.ofNullable(session.get(AppUser.class, username));
        }
    }

    /**
     * The name the signed-in identity carries, {@code pat#3}: the user name and the credential version it was
     * verified with. A page session adds its own id to it ({@link SessionName}), so it ends when the version moves
     * on; {@code CurrentUser} reads the user name back from it.
     */
    String principalName() {
        return username + "#" + credentialVersion;
    }

    boolean isPasswordGenerated() {
        return passwordGenerated;
    }

    /**
     * The user of a page session as stored now, if the session is still theirs: signed in with the current credential
     * version and not ended by signing out. One statement, outside any transaction, like {@link #stored}.
     */
    static Optional<AppUser> ofSession(SessionFactory sessions, SessionName name) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            return session.createSelectionQuery("from AppUser u where u.username = :username"
                    + " and u.credentialVersion = :version"
                    + " and not exists (select 1 from EndedSession e where e.id = :session)", AppUser.class)
                    .setParameter("username", name.username())
                    .setParameter("version", name.credentialVersion())
                    .setParameter("session", name.id())
                    .uniqueResultOptional();
        }
    }

    /** The user as the API shows it, without the password hash. */
    UserView view() {
        return new UserView(username, role.label(), createdAt);
    }
}
