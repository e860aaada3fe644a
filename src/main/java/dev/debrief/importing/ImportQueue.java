package dev.debrief.importing;

import dev.debrief.common.DebriefConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How much archive text waits in memory for the import worker. Batches queue behind each other, each holding its
 * documents until they are imported, so without a bound small archives that unpack large could fill the heap while
 * the worker catches up. At most twice {@code debrief.imports.max-total-size} waits: one batch running and one
 * behind it, whatever their sizes; a batch beyond that is refused (503) until one has finished.
 */
@ApplicationScoped
class ImportQueue {

    @Inject
    DebriefConfig config;

    private long waiting;

    /** Takes room for {@code size} characters of documents, or refuses the batch. */
    synchronized void reserve(long size) {
        long room = 2 * config.imports().maxTotalSize().asLongValue();
        if (waiting > 0 && waiting + size > room) {
            throw ArchiveRefused.busy(waiting);
        }
        waiting += size;
    }

    /** Gives back room as documents are imported, or when a batch could not be queued. */
    synchronized void release(long size) {
        waiting = Math.max(0, waiting - size);
    }

    synchronized long waiting() {
        return waiting;
    }
}
