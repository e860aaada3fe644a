package dev.debrief.postmortem;

import java.util.Arrays;

/**
 * The notices a post-mortem's page shows, by the code a redirect carries in {@code ?notice=}: the words are the
 * page's, never the URL's, so a crafted link cannot put text on the page.
 */
enum PageNotice {
    SAVED("saved", "Saved."),
    PUBLISHED("published", "Published. The action items are now on the board."),
    NOT_READY("not-ready", "Not published yet: the checklist below shows what is still missing."),
    LINKED("linked", "Linked."),
    UNLINKED("unlinked", "Link removed."),
    NOT_LINKED("not-linked", "Not linked: give the number of another post-mortem, not linked to this one yet."),
    TICKET_OPENED("ticket-opened", "Ticket opened in the issue tracker."),
    TICKET_FAILED("ticket-failed", "The ticket was not opened: the issue tracker did not answer. The action item is "
            + "unchanged; try again later.");

    final String code;
    final String text;

    PageNotice(String code, String text) {
        this.code = code;
        this.text = text;
    }

    /** The words for a code; nothing for a code the page does not know. */
    static String textOf(String code) {
        return Arrays.stream(values()).filter(n -> n.code.equals(code)).map(n -> n.text).findFirst().orElse("");
    }
}
