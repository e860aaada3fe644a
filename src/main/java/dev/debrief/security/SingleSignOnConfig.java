package dev.debrief.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/**
 * What Debrief adds to Quarkus's OpenID Connect settings ({@code quarkus.oidc.*}, which name the provider): the
 * label of the sign-in button and how the values of the provider's role claim map to Debrief's roles.
 * docs/operations.md lists the keys.
 */
@ConfigMapping(prefix = "debrief.oidc")
public interface SingleSignOnConfig {

    /** The provider's name on the login page's button: "Sign in with ...". */
    @WithDefault("single sign-on")
    String displayName();

    /**
     * Whether local users may sign in with their password beside the provider (on the page and with HTTP Basic).
     * With {@code false}, only the provider signs people in, except the bootstrap {@code admin}, who always can, for
     * recovery. Ignored while single sign-on is off.
     */
    @WithDefault("true")
    boolean localSignIn();

    Roles roles();

    interface Roles {

        /** Claim values (for example group names) that make a person an admin. */
        @WithDefault("debrief-admins")
        List<String> admin();

        /** Claim values that make a person an editor. */
        @WithDefault("debrief-editors")
        List<String> editor();

        /** Claim values that make a person a viewer; they matter only when {@link #withoutMatch()} refuses. */
        @WithDefault("debrief-viewers")
        List<String> viewer();

        /** What a person gets whose claim holds none of the values above: {@code viewer}, or {@code refuse}. */
        @WithDefault("viewer")
        WithoutMatch withoutMatch();
    }

    /** The choice for people whose role claim matches no mapped value. */
    enum WithoutMatch {
        VIEWER, REFUSE
    }
}
