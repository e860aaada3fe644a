package dev.debrief.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What an audited event is about: its kind, its key (an id or a name), a name a person recognises, and the
 * post-mortem it belongs to (for the post-mortem's own history), if any.
 */
@Embeddable
public record Subject(
        @Column(name = "subject_type", nullable = false, length = 20) String type,
        @Column(name = "subject_key", nullable = false, length = Subject.KEY_LENGTH) String key,
        @Column(name = "subject_name", length = Subject.NAME_LENGTH) String name,
        @Column(name = "postmortem_id") Long postmortemId) {

    static final int KEY_LENGTH = 100;
    static final int NAME_LENGTH = 200;

    /** This subject with its key and name cut to what the trail stores (a user name tried at sign-in is free text). */
    Subject bounded() {
        return new Subject(type, AuditEvent.cut(key, KEY_LENGTH), name == null ? null : AuditEvent.cut(name,
                NAME_LENGTH), postmortemId);
    }

    public static Subject postMortem(long id, String title) {
        return new Subject("postmortem", Long.toString(id), title, id);
    }

    public static Subject actionItem(long postmortemId, long itemId, String title) {
        return new Subject("action-item", Long.toString(itemId), title, postmortemId);
    }

    public static Subject review(String week) {
        return new Subject("review", week, week, null);
    }

    /** A webhook subscriber, named by its URL. */
    public static Subject webhook(long id, String url) {
        return new Subject("webhook", Long.toString(id), url, null);
    }

    /** A team, or another entry of a list admins keep (a contributing factor), named as it is now. */
    public static Subject named(String type, long id, String name) {
        return new Subject(type, Long.toString(id), name, null);
    }

    /** The demo year, of which an instance has one at most. */
    public static Subject demoYear() {
        return new Subject("demo", "1", "demo year", null);
    }

    public static Subject user(String username) {
        return new Subject("user", username, username, null);
    }
}
