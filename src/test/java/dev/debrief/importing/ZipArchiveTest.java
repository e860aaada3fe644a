package dev.debrief.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Reading the documents out of an archive, within its limits, without trusting its names or declared sizes. */
class ZipArchiveTest {

    private static final ZipArchive.Limits LIMITS = new ZipArchive.Limits(10, 1_000, 5_000);

    @Test
    void markdownFilesAreDocumentsInTheArchivesOrderAndFoldersAreLeftOut() {
        List<ZipArchive.Entry> entries = read(Zips.archive().folder("2024").with("2024/b.md", "# B\n")
                .with("2024/a.markdown", "# A\n").bytes());

        assertThat(entries).extracting(ZipArchive.Entry::file).containsExactly("2024/b.md", "2024/a.markdown");
        assertThat(entries).extracting(ZipArchive.Entry::outcome).containsOnly(FileOutcome.PENDING);
        assertThat(entries.get(0).markdown()).isEqualTo("# B\n");
    }

    @Test
    void otherFilesHiddenFilesAndPathsLeavingTheFolderAreIgnoredWithTheirReason() {
        List<ZipArchive.Entry> entries = read(Zips.archive().with("ok.md", "# Ok\n").with("diagram.png", new byte[] {1})
                .with("../../etc/evil.md", "# Evil\n").with("/abs.md", "# Abs\n").with("__MACOSX/._ok.md", "x")
                .with(".hidden.md", "# H\n").bytes());

        assertThat(entries).filteredOn(e -> e.outcome() == FileOutcome.IGNORED)
                .extracting(ZipArchive.Entry::file, ZipArchive.Entry::reason).containsExactly(
                        tuple("diagram.png", "is not a Markdown file (.md or .markdown)"),
                        tuple("../../etc/evil.md", "its path leaves the archive's folder"),
                        tuple("/abs.md", "its path leaves the archive's folder"),
                        tuple("__MACOSX/._ok.md", "is a hidden or system file"),
                        tuple(".hidden.md", "is a hidden or system file"));
    }

    @Test
    void aDocumentOverItsLimitFailsAndTheOthersGoOn() {
        List<ZipArchive.Entry> entries = read(Zips.archive().with("big.md", "#".repeat(1_001)).with("ok.md", "# Ok\n")
                .bytes());

        assertThat(entries.get(0).outcome()).isEqualTo(FileOutcome.FAILED);
        assertThat(entries.get(0).reason()).contains("larger than 1000 bytes", "debrief.imports.max-document-size");
        assertThat(entries.get(1).outcome()).isEqualTo(FileOutcome.PENDING);
    }

    @Test
    void aFileThatIsNotUtf8TextFails() {
        List<ZipArchive.Entry> entries = read(Zips.archive().with("latin1.md", "# Caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1)).with("ok.md", "# Ok\n").bytes());

        assertThat(entries.get(0).reason()).isEqualTo("is not UTF-8 text");
    }

    @Test
    void anEntryNamedInAnotherEncodingThanUtf8IsRefusedAsABadArchive() throws IOException {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(archive, StandardCharsets.ISO_8859_1)) {
            zip.putNextEntry(new ZipEntry("caf\u00e9.md"));
            zip.write("# Caf\u00e9\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThatThrownBy(() -> read(archive.toByteArray())).isInstanceOf(ArchiveRefused.class)
                .hasMessageContaining("an entry's name is not UTF-8")
                .extracting(e -> ((ArchiveRefused) e).status()).isEqualTo(400);
    }

    @Test
    void anArchiveThatUnpacksBeyondTheTotalIsRefusedWhateverItDeclares() {
        Zips bomb = Zips.archive();
        for (int i = 0; i < 6; i++) {
            bomb.with("part" + i + ".md", "a".repeat(999));
        }

        assertThatThrownBy(() -> read(bomb.bytes())).isInstanceOf(ArchiveRefused.class)
                .hasMessageContaining("more than 5000 bytes").hasMessageContaining("debrief.imports.max-total-size")
                .extracting(e -> ((ArchiveRefused) e).status()).isEqualTo(413);
    }

    @Test
    void anIgnoredEntryStillCountsTowardsTheTotal() {
        byte[] archive = Zips.archive().with("ok.md", "# Ok\n").with("huge.log", "x".repeat(6_000)).bytes();

        assertThatThrownBy(() -> read(archive)).isInstanceOf(ArchiveRefused.class)
                .hasMessageContaining("debrief.imports.max-total-size");
    }

    @Test
    void tooManyEntriesAreRefused() {
        Zips many = Zips.archive();
        for (int i = 0; i < 11; i++) {
            many.with(i + ".md", "# " + i + "\n");
        }

        assertThatThrownBy(() -> read(many.bytes())).isInstanceOf(ArchiveRefused.class)
                .hasMessageContaining("more than 10 entries").hasMessageContaining("debrief.imports.max-entries");
    }

    @Test
    void aBodyThatIsNotAZipIsRefusedAs400() {
        assertThatThrownBy(() -> read("# Just Markdown\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ArchiveRefused.class).hasMessageContaining("not a zip archive")
                .extracting(e -> ((ArchiveRefused) e).status()).isEqualTo(400);
    }

    @Test
    void anArchiveWithoutMarkdownIsRefusedAs422() {
        assertThatThrownBy(() -> read(Zips.archive().with("notes.txt", "hello").bytes()))
                .isInstanceOf(ArchiveRefused.class).hasMessageContaining("no Markdown")
                .extracting(e -> ((ArchiveRefused) e).status()).isEqualTo(422);
    }

    @Test
    void zipMagicIsRecognised() {
        assertThat(ZipArchive.looksLikeZip(Zips.archive().with("a.md", "# A\n").bytes())).isTrue();
        assertThat(ZipArchive.looksLikeZip("# A".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    private static List<ZipArchive.Entry> read(byte[] archive) {
        return ZipArchive.read(new ByteArrayInputStream(archive), LIMITS);
    }
}
