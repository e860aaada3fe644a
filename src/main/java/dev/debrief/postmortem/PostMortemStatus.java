package dev.debrief.postmortem;

/** A post-mortem is written as a draft and published once complete. */
public enum PostMortemStatus {
    DRAFT, PUBLISHED
}
