package dev.debrief.postmortem;

/** Which agenda question an action item answers: find it sooner, fix it faster, or stop it happening. */
public enum ActionItemKind {
    DETECTION, RESPONSE, PREVENTION
}
