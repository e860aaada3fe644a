package dev.debrief.security;

import dev.debrief.audit.AuditTrail;
import dev.debrief.audit.Change;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.NotFoundException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Personal API tokens: made for their owner, listed without their secret, revoked by the owner or an admin, and
 * checked at each request against the stored hash and the owner as stored now, so a revoked token, a deleted owner
 * or a demoted one takes effect at the next request.
 */
@ApplicationScoped
@Transactional
public class TokenService {

    /** Every token starts with this, so that secret scanners can find a leaked one. */
    static final String PREFIX = "dbf_";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SECRET_LENGTH = 40;
    private static final Pattern SHAPE = Pattern.compile(PREFIX + "[A-Za-z0-9]{" + SECRET_LENGTH + "}");

    private final SecureRandom random = new SecureRandom();

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    public TokenView create(String owner, TokenRequest request) {
        Instant now = now();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw InvalidFieldsException.of("expiresAt", "must be in the future");
        }
        String secret = newSecret();
        TokenScope scope = TokenScope.valueOf(request.scope().toUpperCase(Locale.ROOT));
        AppUser user = AppUser.<AppUser>findByIdOptional(owner).orElseThrow(() -> new NotFoundException("user", owner));
        ApiToken token = new ApiToken(user, request.name().strip(), scope, hash(secret), now, request.expiresAt());
        token.persist();
        audit.record("token.created", token.auditSubject(), List.of(new Change("token", null, token.description())));
        return token.view().withSecret(secret);
    }

    /** The tokens of {@code owner}, or everyone's when {@code owner} is null (for admins), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TokenView> list(String owner) {
        Sort newest = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        List<ApiToken> tokens = owner == null ? ApiToken.listAll(newest)
                : ApiToken.list("owner.username", newest, owner);
        return tokens.stream().map(ApiToken::view).toList();
    }

    /** Revokes a token of {@code caller}'s, or anyone's for an admin; another's token is not found for others. */
    public void revoke(long id, String caller, boolean admin) {
        ApiToken token = ApiToken.<ApiToken>findByIdOptional(id)
                .filter(found -> admin || found.belongsTo(caller))
                .orElseThrow(() -> new NotFoundException("token", id));
        token.delete();
        audit.record("token.revoked", token.auditSubject(), List.of(new Change("token", token.description(), null)));
    }

    /**
     * Who a presented secret stands for: empty when it is malformed, unknown, revoked or expired. A use is written
     * to {@code lastUsedAt} at most once a minute.
     */
    Optional<ApiToken.Holder> holderOf(String secret) {
        if (!SHAPE.matcher(secret).matches()) {
            return Optional.empty();
        }
        Optional<ApiToken> found = em.createQuery("from ApiToken t join fetch t.owner where t.secretHash = :hash",
                        ApiToken.class)
                .setParameter("hash", hash(secret)).getResultStream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Instant now = now();
        if (token.isExpired(now)) {
            return Optional.empty();
        }
        if (token.lastUseIsStale(now)) {
            em.createQuery("update ApiToken set lastUsedAt = :now where id = :id")
                    .setParameter("now", now).setParameter("id", token.getId()).executeUpdate();
        }
        return Optional.of(token.holder());
    }

    private String newSecret() {
        StringBuilder secret = new StringBuilder(PREFIX);
        for (int i = 0; i < SECRET_LENGTH; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
