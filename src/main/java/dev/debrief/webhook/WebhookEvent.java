package dev.debrief.webhook;

import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The events a subscriber may ask for, by the names they carry on the wire ({@code X-Debrief-Event}). */
public enum WebhookEvent {
    POSTMORTEM_PUBLISHED("postmortem.published"),
    ACTION_ITEM_CREATED("action_item.created"),
    ACTION_ITEM_COMPLETED("action_item.completed"),
    ACTION_ITEM_OVERDUE("action_item.overdue"),
    ACTION_ITEM_REDATED("action_item.redated"),
    REVIEW_FINISHED("review.finished");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The events these names ask for; every unknown name is refused, each as {@code events[i]}. */
    static Set<WebhookEvent> parseAll(List<String> names) {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        List<FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Optional<WebhookEvent> event = named(name);
            if (event.isPresent()) {
                events.add(event.get());
            } else {
                unknown.add(new FieldError("events[" + i + "]", "is not an event; known events are " + known()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidFieldsException(unknown);
        }
        return events;
    }

    static Optional<WebhookEvent> named(String wireName) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(wireName)).findFirst();
    }

    private static String known() {
        return Arrays.stream(values()).map(WebhookEvent::wireName).collect(Collectors.joining(", "));
    }
}
