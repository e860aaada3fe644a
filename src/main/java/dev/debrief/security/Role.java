package dev.debrief.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Locale;
import java.util.Set;

/** One role per user; each role includes the rights of the ones below it. */
public enum Role {
    VIEWER, EDITOR, ADMIN;

    /** The role names a user of this role holds, so that checks can ask for the least role they need. */
    public Set<String> grantedRoles() {
        return switch (this) {
            case VIEWER -> Set.of("viewer");
            case EDITOR -> Set.of("viewer", "editor");
            case ADMIN -> Set.of("viewer", "editor", "admin");
        };
    }

    /** The signed-in identity holding this role, named as {@link AppUser#principalName()} names it. */
    SecurityIdentity identityOf(String principalName) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(principalName))
                .addRoles(grantedRoles()).build();
    }

    /** The same, for a page session whose password was generated and must be replaced before anything else. */
    SecurityIdentity identityOf(String principalName, boolean mustChangePassword) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(principalName))
                .addRoles(grantedRoles()).addAttribute(PasswordFirst.MUST_CHANGE, mustChangePassword).build();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}
