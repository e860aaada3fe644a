package dev.debrief.importing;

import dev.debrief.common.ConflictException;

/** 409: the same document was imported before; the post-mortem it became is named, and nothing is stored again. */
class AlreadyImported extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final long postmortemId;

    AlreadyImported(long postmortemId) {
        super("Already imported", "This document was imported before, as post-mortem " + postmortemId
                + " (/api/postmortems/" + postmortemId + "); it is not imported twice.");
        this.postmortemId = postmortemId;
    }

    long postmortemId() {
        return postmortemId;
    }
}
