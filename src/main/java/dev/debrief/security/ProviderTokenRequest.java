package dev.debrief.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An access token of the organisation's OpenID Connect provider, presented as {@code Authorization: Bearer}. */
final class ProviderTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    ProviderTokenRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }
}
