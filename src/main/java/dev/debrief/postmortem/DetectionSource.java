package dev.debrief.postmortem;

import io.quarkus.qute.TemplateEnum;

/** Who or what noticed the incident first. */
@TemplateEnum
public enum DetectionSource {
    MONITORING, SYNTHETIC, CUSTOMER, STAFF, OTHER
}
