package dev.debrief.postmortem;

import io.quarkus.qute.TemplateEnum;

/** How bad the incident was, SEV1 the worst. */
@TemplateEnum
public enum Severity {
    SEV1, SEV2, SEV3, SEV4
}
