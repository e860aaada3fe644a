package dev.debrief.postmortem;

/** How bad the incident was, SEV1 the worst. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4
}
