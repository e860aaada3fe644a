package dev.debrief.importing;

/** What became of one file of an imported archive. */
enum FileOutcome {
    /** Waiting for the worker. */
    PENDING,
    /** Imported as a new post-mortem. */
    CREATED,
    /** The same document was imported before, as the post-mortem named. */
    SKIPPED,
    /** Not imported; the reason says why. Nothing of it was stored. */
    FAILED,
    /** Not a document to import: not Markdown, hidden, or with a path that leaves the archive's folder. */
    IGNORED
}
