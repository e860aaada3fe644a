package dev.debrief.importing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;

/** One file of an imported archive and what became of it. */
@Entity
@Table(name = "import_batch_file")
class ImportBatchFile extends PanacheEntityBase {

    static final int REASON_LENGTH = 2000;

    /** The batch and the file's place in the archive. */
    @Embeddable
    record Key(long batchId, int position) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false, length = ZipArchive.MAX_NAME)
    private String file;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private FileOutcome outcome;

    private Long postmortemId;

    @Column(length = REASON_LENGTH)
    private String reason;

    protected ImportBatchFile() {
    }

    ImportBatchFile(long batchId, int position, ZipArchive.Entry entry) {
        this.key = new Key(batchId, position);
        this.file = entry.file();
        this.outcome = entry.outcome();
        this.reason = shortened(entry.reason());
    }

    static List<ImportBatchFile> of(long batchId) {
        return list("key.batchId = ?1 order by key.position", batchId);
    }

    /** Records what became of a pending file; a file already decided keeps its outcome. */
    static void decide(long batchId, int position, FileOutcome outcome, Long postmortemId, String reason) {
        update("outcome = ?1, postmortemId = ?2, reason = ?3 where key.batchId = ?4 and key.position = ?5 "
                + "and outcome = ?6", outcome, postmortemId, shortened(reason), batchId, position, FileOutcome.PENDING);
    }

    ImportBatchView.FileRow row() {
        return new ImportBatchView.FileRow(file, outcome, postmortemId, reason);
    }

    private static String shortened(String reason) {
        return reason == null || reason.length() <= REASON_LENGTH ? reason
                : reason.substring(0, REASON_LENGTH - 1) + "…";
    }
}
