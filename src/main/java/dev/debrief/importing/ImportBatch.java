package dev.debrief.importing;

import dev.debrief.common.Identified;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** An archive of Markdown documents being imported, or imported: who sent it when; its files say how far it is. */
@Entity
@Table(name = "import_batch")
@SequenceGenerator(sequenceName = "import_batch_seq")
class ImportBatch extends Identified {

    @Column(nullable = false, length = ZipArchive.MAX_NAME)
    private String archive;

    @Column(nullable = false)
    private Instant startedAt;

    @Column(nullable = false, length = 64)
    private String startedBy;

    protected ImportBatch() {
    }

    ImportBatch(String archive, Instant startedAt, String startedBy) {
        this.archive = archive;
        this.startedAt = startedAt;
        this.startedBy = startedBy;
    }

    long id() {
        return getId();
    }

    /** The batch as the API and the page show it, from its files in the archive's order. */
    ImportBatchView view(List<ImportBatchFile> files) {
        return ImportBatchView.of(getId(), archive, startedAt, startedBy,
                files.stream().map(ImportBatchFile::row).toList());
    }
}
