package dev.debrief.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    SingleSignOnConfig config;

    public boolean isEnabled() {
        return enabled;
    }

    /** The provider's name for the login page's button; empty when single sign-on is off. */
    String buttonLabel() {
        return enabled ? config.displayName() : "";
    }
}
