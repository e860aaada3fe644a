package dev.debrief.webhook;

/** Where a delivery stands: still to be sent (first time or again), received with a 2xx, or given up. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED
}
