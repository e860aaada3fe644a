package dev.debrief.audit;

import java.util.List;

/** One page of the audit trail, newest first; {@code page} counts from 0. */
public record AuditPage(List<AuditEntry> items, long total, int page, int size) {
}
