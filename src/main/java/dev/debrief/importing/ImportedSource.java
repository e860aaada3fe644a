package dev.debrief.importing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** The Markdown a post-mortem was imported from, exactly as it was sent, and who imported it when. */
@Entity
@Table(name = "imported_source")
class ImportedSource extends PanacheEntityBase {

    static final int MAX_LENGTH = 1_048_576;

    @Id
    private Long postmortemId;

    @Column(nullable = false, length = MAX_LENGTH)
    private String markdown;

    @Column(nullable = false, length = 64)
    private String contentHash;

    @Column(nullable = false)
    private Instant importedAt;

    @Column(nullable = false, length = 64)
    private String importedBy;

    protected ImportedSource() {
    }

    ImportedSource(long postmortemId, String markdown, String contentHash, Instant importedAt, String importedBy) {
        this.postmortemId = postmortemId;
        this.markdown = markdown;
        this.contentHash = contentHash;
        this.importedAt = importedAt;
        this.importedBy = importedBy;
    }

    /** The post-mortem a document with this hash was imported as, if one was. */
    static Optional<Long> importedAs(String contentHash) {
        return find("contentHash", contentHash).<ImportedSource>firstResultOptional().map(source -> source.postmortemId);
    }

    String markdown() {
        return markdown;
    }
}
