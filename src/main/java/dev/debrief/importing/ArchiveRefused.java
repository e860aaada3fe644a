package dev.debrief.importing;

import dev.debrief.common.DebriefException;
import dev.debrief.common.FieldError;
import java.util.List;

/** An archive refused as a whole, before any of its documents is imported: not a zip, or too large unpacked. */
class ArchiveRefused extends DebriefException {

    private static final long serialVersionUID = 1L;

    private ArchiveRefused(int status, String title, String detail) {
        super(status, title, detail, List.of(new FieldError("body", detail)));
    }

    static ArchiveRefused notAZip(String why) {
        return new ArchiveRefused(400, "Not a zip archive", "The body is not a zip archive of Markdown files: "
                + why + ".");
    }

    static ArchiveRefused tooLarge(String why) {
        return new ArchiveRefused(413, "Archive too large", why);
    }

    static ArchiveRefused busy(long waiting) {
        return new ArchiveRefused(503, "Imports busy", "Earlier archives are still being imported (" + waiting
                + " characters of documents wait in memory, at most twice debrief.imports.max-total-size); send this "
                + "one again when they have finished, which GET /api/imports/{id} shows.");
    }

    static ArchiveRefused nothingToImport(int ignored) {
        return new ArchiveRefused(422, "Nothing to import", "The archive holds no Markdown (.md) file"
                + (ignored == 0 ? "." : "; its " + ignored + " other file(s) are not imported."));
    }
}
