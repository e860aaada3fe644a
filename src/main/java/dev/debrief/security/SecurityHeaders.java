package dev.debrief.security;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The security headers of every response, pages, API, static files and refusals alike: a Content-Security-Policy
 * without inline script that no other site may frame, the same for older browsers, no MIME sniffing, no referrer
 * sent off the site, and HSTS whenever the request reached Debrief over HTTPS (directly, or through a proxy
 * Debrief is configured to trust with {@code quarkus.http.proxy.*}).
 */
@ApplicationScoped
public class SecurityHeaders {

    /** A host source of CSP: a scheme and host (with an optional port or wildcard label), nothing that ends it. */
    private static final Pattern HOST_SOURCE = Pattern.compile("(https?://)?(\\*\\.)?[A-Za-z0-9.-]+(:\\d{1,5})?");

    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Inject
    SecurityConfig config;

    @Inject
    SingleSignOn singleSignOn;

    void install(@Observes Router router) {
        String policy = policy(config.imageHosts().orElse(List.of()), singleSignOn.providerOrigin());
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> {
                HttpServerResponse response = context.response();
                // The optional Swagger UI runs inline script of its own; only it is spared the policy.
                if (!context.normalizedPath().startsWith("/q/swagger-ui")) {
                    response.headers().set("Content-Security-Policy", policy);
                }
                response.headers().set("X-Frame-Options", "DENY");
                response.headers().set("X-Content-Type-Options", "nosniff");
                response.headers().set("Referrer-Policy", "same-origin");
                if ("https".equalsIgnoreCase(context.request().scheme())) {
                    response.headers().set("Strict-Transport-Security", HSTS);
                }
            });
            context.next();
        });
    }

    /**
     * The policy: everything from this site only, images also from the hosts an admin allows, and forms may lead on
     * to the single sign-on provider ({@code provider}, its origin when on): signing out is a form whose redirects end
     * at the provider's logout endpoint, which browsers block unless {@code form-action} names it.
     */
    static String policy(List<String> imageHosts, Optional<String> provider) {
        StringBuilder images = new StringBuilder("'self'");
        for (String host : imageHosts) {
            String source = host.strip();
            if (!HOST_SOURCE.matcher(source).matches()) {
                throw new IllegalArgumentException("debrief.security.image-hosts: '" + host + "' is not a host such "
                        + "as https://images.example.com");
            }
            images.append(' ').append(source);
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + images
                + "; object-src 'none'; base-uri 'self'; form-action 'self'" + provider.map(origin -> " " + origin).orElse("")
                + "; frame-ancestors 'none'";
    }
}
