package dev.debrief.audit;

import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.QueryParams;
import dev.debrief.common.Where;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * A query of the audit trail: events at or after {@code from} and before {@code to}, by {@code actor}, whose
 * action is {@code action} or starts with it and a dot ({@code postmortem} finds {@code postmortem.updated}); each
 * part optional.
 */
public record AuditSearch(Instant from, Instant to, String actor, String action, int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    private static final Pattern ACTION = Pattern.compile("[a-z-]{1,40}(\\.[a-z-]{1,40})?");

    public AuditSearch {
        actor = actor == null || actor.isBlank() ? null : actor.strip();
        action = action == null || action.isBlank() ? null : action.strip();
        if (action != null && !ACTION.matcher(action).matches()) {
            throw InvalidFieldsException.of("action", "must be an action such as postmortem.updated, or the first "
                    + "word of actions such as postmortem");
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw InvalidFieldsException.of("to", "must be after from");
        }
    }

    /**
     * The search that query parameters ask for, the same for the API and the page: a date in {@code from} means
     * from the start of that day, in {@code to} up to its end, in the team's time zone.
     */
    static AuditSearch of(String from, String to, String actor, String action, String page, String size,
            ZoneId zone) {
        return new AuditSearch(
                QueryParams.from("from", from, zone),
                QueryParams.until("to", to, zone),
                QueryParams.text("actor", actor), QueryParams.text("action", action),
                QueryParams.intValue("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE),
                QueryParams.intValue("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    /** The conditions on {@link AuditEvent}'s fields that this search asks for. */
    Where where() {
        // Actions are lower-case words and dots (the constructor refuses anything else), so none is a LIKE wildcard.
        return new Where()
                .filter("at >= :from", "from", from)
                .filter("at < :to", "to", to)
                .filterText("actor = :actor", "actor", actor)
                .filterText("(action = :action or action like concat(:action, '.%'))", "action", action);
    }
}
