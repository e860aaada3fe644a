package dev.debrief.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A personal API token presented as {@code Authorization: Bearer dbf_...}. */
final class ApiTokenRequest extends BaseAuthenticationRequest {

    private final String secret;

    ApiTokenRequest(String secret) {
        this.secret = secret;
    }

    String secret() {
        return secret;
    }
}
