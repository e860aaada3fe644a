package dev.debrief.webhook;

import dev.debrief.common.Identified;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A subscriber: where to post which events, and the secret that signs them. The secret is kept as given, because
 * signing needs it; it never leaves through the API after the subscriber is created.
 */
@Entity
@Table(name = "webhook")
@SequenceGenerator(sequenceName = "webhook_seq")
class Webhook extends Identified {

    static final int URL_LENGTH = 2000;
    static final int SECRET_MIN = 16;
    static final int SECRET_MAX = 200;

    @Column(nullable = false, length = URL_LENGTH)
    private String url;

    @Column(nullable = false, length = SECRET_MAX)
    private String secret;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "webhook_event", joinColumns = @JoinColumn(name = "webhook_id"))
    @Column(name = "event", nullable = false, length = 40)
    private Set<String> events = new TreeSet<>();

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false, length = 100)
    private String createdBy;

    protected Webhook() {
    }

    Webhook(URI url, Set<WebhookEvent> events, String secret, Instant now, String by) {
        this.url = url.toString();
        this.secret = secret;
        events.forEach(event -> this.events.add(event.wireName()));
        this.createdAt = now;
        this.createdBy = by;
    }

    URI url() {
        return URI.create(url);
    }

    String secret() {
        return secret;
    }

    /** The event names, sorted. */
    Set<String> events() {
        return new TreeSet<>(events);
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getCreatedBy() {
        return createdBy;
    }
}
