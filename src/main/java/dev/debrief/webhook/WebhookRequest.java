package dev.debrief.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new subscriber: where to post, which events (their wire names, see {@link WebhookEvent}), and the secret that
 * signs each body.
 */
public record WebhookRequest(
        @NotBlank @Size(max = Webhook.URL_LENGTH) String url,
        @NotNull @Size(min = 1, max = 20, message = "must name 1 to 20 events") List<@NotNull String> events,
        @NotNull @Size(min = Webhook.SECRET_MIN, max = Webhook.SECRET_MAX,
                message = "must be 16 to 200 characters long") String secret) {
}
