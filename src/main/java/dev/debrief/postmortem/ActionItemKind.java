package dev.debrief.postmortem;

import io.quarkus.qute.TemplateEnum;

/** Which agenda question an action item answers: find it sooner, fix it faster, or stop it happening. */
@TemplateEnum
public enum ActionItemKind {
    DETECTION, RESPONSE, PREVENTION
}
