package dev.debrief.postmortem;

/** Who or what noticed the incident first. */
public enum DetectionSource {
    MONITORING, SYNTHETIC, CUSTOMER, STAFF, OTHER
}
