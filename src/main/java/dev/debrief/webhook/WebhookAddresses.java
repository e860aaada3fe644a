package dev.debrief.webhook;

import dev.debrief.common.DebriefConfig;
import dev.debrief.common.InvalidFieldsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which addresses Debrief posts to: absolute http(s) URLs whose host resolves, and none that resolves to a
 * link-local address (169.254.0.0/16, fe80::/10) or another address where a cloud metadata service hands out
 * credentials, unless an operator allows them. Checked when a subscriber registers and again before every attempt,
 * since a host name may resolve differently later.
 */
@ApplicationScoped
class WebhookAddresses {

    /** Cloud metadata services outside link-local: AWS's IPv6 endpoint, Alibaba Cloud's. */
    private static final Set<String> METADATA = Set.of("fd00:ec2:0:0:0:0:0:254", "100.100.100.200");

    @Inject
    DebriefConfig config;

    /** The URL to register, or 400 naming {@code url}. */
    URI requireAllowed(String url) {
        URI uri = parse(url).orElseThrow(() -> InvalidFieldsException.of("url",
                "must be an absolute http or https URL with a host, a port from 1 to 65535 if any, and without a user "
                + "name or password, such as https://hooks.example.com/debrief"));
        refusal(uri).ifPresent(why -> {
            throw InvalidFieldsException.of("url", why);
        });
        return uri;
    }

    /** Why Debrief will not post to this URL now, if it will not. */
    Optional<String> refusal(URI url) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that could not be resolved");
        }
        if (!config.webhooks().allowLinkLocal()
                && Arrays.stream(addresses).anyMatch(WebhookAddresses::isMetadata)) {
            return Optional.of("resolves to a link-local address (169.254.0.0/16 or fe80::/10) or a cloud metadata "
                    + "address (fd00:ec2::254, 100.100.100.200), where cloud metadata services answer; an operator "
                    + "may allow these with debrief.webhooks.allow-link-local=true");
        }
        return Optional.empty();
    }

    private static boolean isMetadata(InetAddress address) {
        return address.isLinkLocalAddress() || METADATA.contains(address.getHostAddress());
    }

    private static Optional<URI> parse(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            boolean port = uri.getPort() == -1 || uri.getPort() >= 1 && uri.getPort() <= 65_535;
            if (!web || !port || uri.getHost() == null || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
