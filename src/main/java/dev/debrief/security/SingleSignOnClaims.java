package dev.debrief.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who the provider says a person is, read from the identity Quarkus's OpenID Connect support made of an ID token
 * (sign-in on the pages) or an access token (the API). The user name is the identity's name, which Quarkus takes
 * from {@code quarkus.oidc.token.principal-claim}, else {@code upn}, {@code preferred_username} or {@code sub};
 * {@code roleValues} are the values of {@code quarkus.oidc.roles.role-claim-path}.
 */
record SingleSignOnClaims(String subject, String username, String email, String displayName, Set<String> roleValues) {

    /** Longest user name the {@code app_user} table holds. */
    private static final int MAX_NAME = 64;

    static SingleSignOnClaims of(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
            throw new AuthenticationFailedException("The provider's token names no subject");
        }
        return new SingleSignOnClaims(token.getSubject(), identity.getPrincipal().getName(),
                claim(token, "email", 254), claim(token, "name", 200), identity.getRoles());
    }

    /**
     * Whether the user name can be a Debrief user name: one line, short enough, and without {@code #}, which
     * separates the name from its credential version in a session ({@link AppUser#principalName()}).
     */
    boolean hasUsableName() {
        return username != null && !username.isBlank() && username.length() <= MAX_NAME && username.indexOf('#') < 0
                && username.codePoints().noneMatch(Character::isISOControl);
    }

    private static String claim(JsonWebToken token, String name, int maxLength) {
        return Optional.ofNullable(token.<Object>getClaim(name))
                .map(value -> value instanceof JsonString text ? text.getString() : value.toString()).map(String::strip)
                .filter(value -> !value.isEmpty() && value.length() <= maxLength).orElse(null);
    }
}
