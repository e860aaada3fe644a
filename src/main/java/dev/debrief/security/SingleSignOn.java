package dev.debrief.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether people may sign in through the organisation's OpenID Connect provider: on when the operator enables
 * Quarkus's default OIDC tenant ({@code QUARKUS_OIDC_TENANT_ENABLED=true} with the provider's address and client).
 * Off by default, so the embedded default neither shows the button nor contacts any provider.
 */
@ApplicationScoped
public class SingleSignOn {

    /** Where the sign-in through the provider starts, and where the provider sends the person back. */
    static final String SIGN_IN_PATH = "/login/oidc";

    /** Where a sign-out also ends the session at the provider (Quarkus's {@code quarkus.oidc.logout.path}). */
    static final String SIGN_OUT_PATH = "/logout/oidc";

    /** Quarkus's OIDC session cookie; its name starts so even when it is split into chunks. */
    static final String PROVIDER_SESSION_COOKIE = "q_session";

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> providerAddress;

    @Inject
    SingleSignOnConfig config;

    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Whether {@code username} may sign in with a password: always while single sign-on is off or local sign-in is
     * on, and otherwise only the bootstrap admin, for recovery.
     */
    boolean admitsPassword(String username) {
        return !enabled || config.localSignIn() || AdminBootstrap.USERNAME.equals(username);
    }

    /** Whether the login page's password form is only for the bootstrap admin. */
    boolean passwordsForRecoveryOnly() {
        return enabled && !config.localSignIn();
    }

    /**
     * The origin ({@code scheme://host[:port]}) of the provider when single sign-on is on: where signing out leads
     * the browser to end the provider's session.
     */
    Optional<String> providerOrigin() {
        if (!enabled) {
            return Optional.empty();
        }
        return providerAddress.map(URI::create).filter(uri -> uri.getScheme() != null && uri.getHost() != null)
                .map(uri -> uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
    }

    /** The provider's name for the login page's button; empty when single sign-on is off. */
    String buttonLabel() {
        return enabled ? config.displayName() : "";
    }
}
