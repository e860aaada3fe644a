package dev.debrief.postmortem;

/** Filters of the post-mortem list; null means "any". {@code page} counts from 0. */
public record PostMortemSearch(PostMortemStatus status, Severity severity, String service, String team, String tag,
        String text, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
}
