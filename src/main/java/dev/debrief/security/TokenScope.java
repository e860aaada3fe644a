package dev.debrief.security;

import java.util.Locale;
import java.util.Set;

/** What a personal API token may do: read only, or whatever its owner's role allows. */
public enum TokenScope {
    READ, WRITE;

    /** The roles a token of this scope grants to an owner of {@code role}: never more than the owner has. */
    Set<String> grantedRoles(Role role) {
        return this == READ ? Set.of("viewer") : role.grantedRoles();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
