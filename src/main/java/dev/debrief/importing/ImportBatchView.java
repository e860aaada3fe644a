package dev.debrief.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An archive's import as far as it has come. {@code total} counts the Markdown documents and {@code done} those
 * decided; {@code created} holds the new post-mortems' ids, {@code failed} the documents not imported and why,
 * {@code skipped} those imported before (with that post-mortem), {@code ignored} the entries that are no document
 * to import; {@code files} lists every entry with its outcome, in the archive's order.
 */
public record ImportBatchView(long id, int total, int done, boolean finished, List<Long> created,
        List<FileProblem> failed, List<Skipped> skipped, List<FileProblem> ignored, List<FileRow> files,
        String archive, Instant startedAt, String startedBy) {

    /** A file that was not imported, and why. */
    public record FileProblem(String file, String reason) {
    }

    /** A document imported before, as the post-mortem named. */
    public record Skipped(String file, long postmortem) {
    }

    /** One entry of the archive and what became of it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileRow(String file, FileOutcome outcome, Long postmortem, String reason) {

        public boolean pending() {
            return outcome == FileOutcome.PENDING;
        }
    }

    static ImportBatchView of(long id, String archive, Instant startedAt, String startedBy, List<FileRow> files) {
        List<FileRow> documents = files.stream().filter(f -> f.outcome() != FileOutcome.IGNORED).toList();
        int done = (int) documents.stream().filter(f -> !f.pending()).count();
        return new ImportBatchView(id, documents.size(), done, done == documents.size(),
                files.stream().filter(f -> f.outcome() == FileOutcome.CREATED).map(FileRow::postmortem).toList(),
                problems(files, FileOutcome.FAILED),
                files.stream().filter(f -> f.outcome() == FileOutcome.SKIPPED)
                        .map(f -> new Skipped(f.file(), f.postmortem())).toList(),
                problems(files, FileOutcome.IGNORED), files, archive, startedAt, startedBy);
    }

    /** How far the batch is, in percent of its documents, for a progress bar. */
    public int percent() {
        return total == 0 ? 100 : done * 100 / total;
    }

    private static List<FileProblem> problems(List<FileRow> files, FileOutcome outcome) {
        return files.stream().filter(f -> f.outcome() == outcome).map(f -> new FileProblem(f.file(), f.reason()))
                .toList();
    }
}
