package dev.debrief.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers recently verified Basic credentials so that an API client's every request does not pay a
 * bcrypt verification (tens of milliseconds by design). Only a salted SHA-256 of the password is kept,
 * with a salt that never leaves this process; entries expire after {@code debrief.security.credential-cache-ttl}
 * and are dropped at once when the user is changed or deleted through this instance. Another instance may
 * change or delete the user too, so an entry is only trusted for {@code debrief.security.credential-recheck}
 * after it was last compared with the stored password hash ({@link #isFresh}).
 */
@ApplicationScoped
public class CredentialCache {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[32];

    @Inject
    Clock clock;

    @Inject
    SecurityConfig config;

    /** A remembered credential: the password hash it was verified against and when that was last confirmed. */
    record Entry(byte[] digest, Role role, String principalName, String passwordHash, Instant expires,
            Instant checked) {
    }

    CredentialCache() {
        new SecureRandom().nextBytes(salt);
    }

    Optional<Entry> lookup(String username, char[] password) {
        Entry entry = entries.get(username);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(entry.expires())) {
            entries.remove(username, entry);
            return Optional.empty();
        }
        return MessageDigest.isEqual(entry.digest(), digest(username, password)) ? Optional.of(entry)
                : Optional.empty();
    }

    /** Whether the entry was compared with the stored hash recently enough to be trusted without looking. */
    boolean isFresh(Entry entry) {
        return isFresh(entry, config.credentialRecheck());
    }

    /** Fresh for {@code recheck} after it was last compared; never, when {@code recheck} is zero. */
    boolean isFresh(Entry entry, Duration recheck) {
        return !recheck.isZero() && !clock.instant().isAfter(entry.checked().plus(recheck));
    }

    void remember(String username, char[] password, Role role, String principalName, String passwordHash) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        Instant now = clock.instant();
        entries.put(username, new Entry(digest(username, password), role, principalName, passwordHash,
                now.plus(config.credentialCacheTtl()), now));
    }

    /** The stored hash is still the one the entry was verified against: trust it again, with the stored role. */
    void confirm(String username, Entry entry, Role role, String principalName) {
        entries.replace(username, entry, new Entry(entry.digest(), role, principalName, entry.passwordHash(),
                entry.expires(), clock.instant()));
    }

    void forget(String username) {
        entries.remove(username);
    }

    /** Forgets every credential, for when the whole user table has been replaced (an instance import). */
    public void clear() {
        entries.clear();
    }

    private byte[] digest(String username, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            sha.update(bytes);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
