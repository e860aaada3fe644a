package dev.debrief.security;

import dev.debrief.audit.Subject;
import dev.debrief.common.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A personal API token: its owner, name and scope, and the hash of its secret (the secret itself is never kept). */
@Entity
@Table(name = "api_token")
@SequenceGenerator(sequenceName = "api_token_seq")
class ApiToken extends Identified {

    /** How stale {@code lastUsedAt} may get before a use writes it again: one write a minute, not one a request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "username", nullable = false)
    private AppUser owner;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private TokenScope scope;

    @Column(nullable = false, length = 64)
    private String secretHash;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant expiresAt;

    private Instant lastUsedAt;

    protected ApiToken() {
    }

    ApiToken(AppUser owner, String name, TokenScope scope, String secretHash, Instant createdAt, Instant expiresAt) {
        this.owner = owner;
        this.name = name;
        this.scope = scope;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Whether a use at {@code now} should be written down, or the last one written is recent enough. */
    boolean lastUseIsStale(Instant now) {
        return lastUsedAt == null || !lastUsedAt.plus(LAST_USED_PRECISION).isAfter(now);
    }

    boolean belongsTo(String user) {
        return owner.getUsername().equals(user);
    }

    /** The token as lists show it, without its secret. */
    TokenView view() {
        return new TokenView(getId(), name, scope.label(), owner.getUsername(), null, createdAt, expiresAt, lastUsedAt);
    }

    /** What the audit says a change of this token is about: its owner. */
    Subject auditSubject() {
        return Subject.user(owner.getUsername());
    }

    /** The audit's words for this token: its name and scope, never its secret. */
    String description() {
        return name + " (" + scope.label() + ")";
    }

    /** Who this token stands for, as the owner is stored now. */
    Holder holder() {
        return new Holder(getId(), owner, scope);
    }

    /** The owner and scope of a token presented with a request, as they are stored now. */
    record Holder(long tokenId, AppUser owner, TokenScope scope) {
    }
}
