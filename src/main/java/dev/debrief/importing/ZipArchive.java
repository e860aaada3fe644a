package dev.debrief.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads the Markdown documents out of a zip archive as it streams in, counting what each entry really unpacks to
 * (the sizes an archive declares can lie), so an archive that would unpack into more than the limits is refused
 * before it does. Nothing is written to disk: an entry's name is only a label in the report, and one that tries to
 * leave its folder ({@code ../}, an absolute path) is ignored and reported.
 */
final class ZipArchive {

    /** The caps: entries of the archive, bytes of one document, bytes of the whole archive unpacked. */
    record Limits(int maxEntries, long maxDocumentBytes, long maxTotalBytes) {
    }

    /** An entry of the archive worth reporting: its text if it is a document to import, otherwise why not. */
    record Entry(String file, String markdown, FileOutcome outcome, String reason) {

        static Entry document(String file, String markdown) {
            return new Entry(file, markdown, FileOutcome.PENDING, null);
        }

        static Entry failed(String file, String reason) {
            return new Entry(file, null, FileOutcome.FAILED, reason);
        }

        static Entry ignored(String file, String reason) {
            return new Entry(file, null, FileOutcome.IGNORED, reason);
        }
    }

    static final int MAX_NAME = 500;

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};

    private ZipArchive() {
    }

    /** Whether {@code start} begins like a zip archive (a local file header, or the end record of an empty one). */
    static boolean looksLikeZip(byte[] start) {
        return startsWith(start, ZIP_MAGIC) || startsWith(start, EMPTY_ZIP_MAGIC);
    }

    /** The entries of the archive in its order; folders are left out. */
    static List<Entry> read(InputStream body, Limits limits) {
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        int count = 0;
        try (ZipInputStream zip = new ZipInputStream(body, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                count++;
                if (count > limits.maxEntries()) {
                    throw ArchiveRefused.tooLarge("The archive has more than " + limits.maxEntries() + " entries "
                            + "(debrief.imports.max-entries); split it into smaller archives.");
                }
                String name = label(entry.getName());
                long room = limits.maxTotalBytes() - total;
                if (entry.isDirectory()) {
                    total += drain(zip, room, limits);
                    continue;
                }
                String skip = reasonToSkip(entry.getName());
                if (skip != null) {
                    total += drain(zip, room, limits);
                    entries.add(Entry.ignored(name, skip));
                    continue;
                }
                byte[] bytes = readUpTo(zip, limits.maxDocumentBytes() + 1);
                total += bytes.length;
                if (total > limits.maxTotalBytes()) {
                    throw tooLargeUnpacked(limits);
                }
                if (bytes.length > limits.maxDocumentBytes()) {
                    total += drain(zip, limits.maxTotalBytes() - total, limits);
                    entries.add(Entry.failed(name, "is larger than " + limits.maxDocumentBytes() + " bytes "
                            + "(debrief.imports.max-document-size)"));
                    continue;
                }
                entries.add(decode(name, bytes));
            }
        } catch (ZipException e) {
            throw ArchiveRefused.notAZip("it is damaged, or uses a kind of zip that cannot be read (such as "
                    + "encrypted entries)");
        } catch (IOException e) {
            throw ArchiveRefused.notAZip("it could not be read to its end");
        } catch (IllegalArgumentException e) {
            // The JDK's reading of a name that is not UTF-8 and not marked as another encoding.
            throw ArchiveRefused.notAZip("an entry's name is not UTF-8 (as zip tools on Windows may write); zip the "
                    + "files again with a tool that writes UTF-8 names, such as 7-Zip or zip on Linux and macOS");
        }
        if (count == 0) {
            throw ArchiveRefused.notAZip("it holds no entries, or is not a zip file at all");
        }
        if (entries.stream().noneMatch(e -> e.outcome() != FileOutcome.IGNORED)) {
            throw ArchiveRefused.nothingToImport(entries.size());
        }
        return entries;
    }

    /** Why an entry is not a document to import, or null if it is one. */
    static String reasonToSkip(String path) {
        String name = path.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || List.of(name.split("/")).contains("..")) {
            return "its path leaves the archive's folder";
        }
        for (String part : name.split("/")) {
            if (part.startsWith(".") || part.equals("__MACOSX")) {
                return "is a hidden or system file";
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".md") && !lower.endsWith(".markdown")) {
            return "is not a Markdown file (.md or .markdown)";
        }
        return null;
    }

    private static Entry decode(String name, byte[] bytes) {
        String text = DocumentText.utf8(bytes).orElse(null);
        if (text == null) {
            return Entry.failed(name, "is not UTF-8 text");
        }
        if (text.indexOf('\0') >= 0) {
            return Entry.failed(name, "is binary, not text");
        }
        if (text.isBlank()) {
            return Entry.failed(name, "is empty");
        }
        return Entry.document(name, text);
    }

    private static byte[] readUpTo(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long left = max;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            out.write(buffer, 0, read);
            left -= read;
        }
        return out.toByteArray();
    }

    /** Reads the rest of the entry, counting it against what the archive may still unpack to. */
    private static long drain(InputStream in, long room, Limits limits) throws IOException {
        byte[] buffer = new byte[8192];
        long drained = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            drained += read;
            if (drained > room) {
                throw tooLargeUnpacked(limits);
            }
        }
        return drained;
    }

    private static ArchiveRefused tooLargeUnpacked(Limits limits) {
        return ArchiveRefused.tooLarge("The archive unpacks to more than " + limits.maxTotalBytes() + " bytes "
                + "(debrief.imports.max-total-size); split it into smaller archives.");
    }

    /** The entry's name as the report shows it: at most the column's length, keeping its end (the file name). */
    private static String label(String name) {
        String clean = name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= MAX_NAME ? clean : "…" + clean.substring(clean.length() - MAX_NAME + 1);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
