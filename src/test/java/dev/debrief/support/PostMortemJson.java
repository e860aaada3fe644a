package dev.debrief.support;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds request bodies for the post-mortem API. {@link #complete()} is a document ready to publish
 * (once it has three items); tests change only the fields their behaviour is about.
 */
public final class PostMortemJson {

    /** Impact began five hours before the test clock's "now". */
    public static final Instant STARTED = MutableClock.DEFAULT_NOW.minus(Duration.ofHours(5));

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private PostMortemJson() {
    }

    public static PostMortemJson complete() {
        return minimal()
                .with("services", List.of("checkout", "payments"))
                .with("detectedAt", STARTED.plus(Duration.ofMinutes(15)).toString())
                .with("resolvedAt", STARTED.plus(Duration.ofMinutes(50)).toString())
                .with("detectionSource", "CUSTOMER")
                .with("summary", "Checkout failed for 50 minutes.")
                .with("impact", "12% of orders failed.")
                .with("whatHappened", "A config push disabled the payment connection pool.")
                .with("whyDetectionFailed", "No alert on the checkout error rate.")
                .with("whyResponseFailed", "The runbook pointed at a retired dashboard.")
                .with("whatWeChange", "Alert on error-budget burn; keep runbooks next to dashboards.")
                .with("timeline", List.of(Map.of("at", STARTED.toString(), "event", "config pushed")))
                .with("considered", List.of("rewrite the payment service"));
    }

    public static PostMortemJson minimal() {
        return new PostMortemJson()
                .with("title", "Checkout returned 500s")
                .with("severity", "SEV2")
                .with("startedAt", STARTED.toString());
    }

    public PostMortemJson with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public PostMortemJson without(String field) {
        fields.remove(field);
        return this;
    }

    public Map<String, Object> build() {
        return new LinkedHashMap<>(fields);
    }

    /** An action item body with the given rank, ready for publishing. */
    public static Map<String, Object> item(int priority) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("priority", priority);
        item.put("title", "Action " + priority);
        item.put("owner", "team-payments");
        item.put("dueDate", "2026-03-24");
        item.put("kind", List.of("DETECTION", "RESPONSE", "PREVENTION").get(priority - 1));
        return item;
    }
}
