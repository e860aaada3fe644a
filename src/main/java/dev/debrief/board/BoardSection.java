package dev.debrief.board;

import dev.debrief.common.InvalidFieldsException;
import dev.debrief.postmortem.OpenWork;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The board's sections of action items, by the names its JSON and its addresses give them. */
public enum BoardSection {
    OVERDUE("overdue", OpenWork.Due.OVERDUE),
    DUE_THIS_WEEK("dueThisWeek", OpenWork.Due.THIS_WEEK),
    LATER("later", OpenWork.Due.LATER),
    DONE_SINCE_LAST_REVIEW("doneSinceLastReview", null);

    private final String key;
    private final OpenWork.Due due;

    BoardSection(String key, OpenWork.Due due) {
        this.key = key;
        this.due = due;
    }

    /** The section's field name in the board's JSON, and its name in addresses. */
    public String key() {
        return key;
    }

    /** Which open items the section holds; null for the items done since the last review. */
    OpenWork.Due due() {
        return due;
    }

    /** The section that parameter {@code parameter} names: a 400 naming the parameter for any other value. */
    static BoardSection named(String parameter, String value) {
        return Arrays.stream(values()).filter(s -> s.key.equals(value)).findFirst()
                .orElseThrow(() -> InvalidFieldsException.of(parameter, "must be one of "
                        + Arrays.stream(values()).map(BoardSection::key).collect(Collectors.joining(", "))));
    }
}
