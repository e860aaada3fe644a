package dev.debrief.postmortem;

import io.quarkus.qute.TemplateEnum;

/** A post-mortem is written as a draft and published once complete. */
@TemplateEnum
public enum PostMortemStatus {
    DRAFT, PUBLISHED
}
