package dev.debrief.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.common.DebriefConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Posts reminders to an incoming webhook as {@code {"text": ...}} (Slack's format, which Mattermost, Rocket.Chat
 * and others accept), retrying with exponential backoff.
 */
@ApplicationScoped
class WebhookChannel implements Channel {

    private static final Logger LOG = Logger.getLogger(WebhookChannel.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    DebriefConfig config;

    @Inject
    ObjectMapper json;

    /** Slack reads &lt;...&gt; as links and mentions ({@code <!channel>}); text from people must not. */
    static String slack(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public String name() {
        return "webhook";
    }

    /**
     * The POST of {@code body} to {@code url}. The URL is a secret (it carries the webhook's token): a URL the HTTP
     * client cannot use is refused saying what is wrong without repeating it, for the log to show.
     */
    static HttpRequest request(String url, String body) throws IOException {
        try {
            return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (IllegalArgumentException e) {
            throw new IOException("debrief.reminders.webhook-url is not a valid http or https URL");
        }
    }

    @Override
    public boolean configured() {
        return config.reminders().webhookUrl().filter(url -> !url.isBlank()).isPresent();
    }

    @Override
    public void send(String subject, String text) throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of("text", "*" + slack(subject) + "*\n" + slack(text)));
        HttpRequest request = request(config.reminders().webhookUrl().orElseThrow(), body);
        int attempts = Math.max(1, config.reminders().attempts());
        Duration wait = config.reminders().backoff();
        for (int attempt = 1; ; attempt++) {
            String failure;
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                failure = "HTTP " + response.statusCode();
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
            }
            if (attempt >= attempts) {
                throw new IOException("webhook failed " + attempts + " times, last: " + failure);
            }
            LOG.warnf("Reminder webhook attempt %d of %d failed (%s); retrying in %s", attempt, attempts, failure,
                    wait);
            Thread.sleep(wait.toMillis());
            wait = wait.multipliedBy(2);
        }
    }
}
