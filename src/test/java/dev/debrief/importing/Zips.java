package dev.debrief.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds zip archives for the tests, entry by entry in the order given. */
final class Zips {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    static Zips archive() {
        return new Zips();
    }

    Zips with(String name, String text) {
        entries.put(name, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Zips with(String name, byte[] bytes) {
        entries.put(name, bytes);
        return this;
    }

    Zips folder(String name) {
        entries.put(name.endsWith("/") ? name : name + "/", null);
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                if (entry.getValue() != null) {
                    zip.write(entry.getValue());
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A small document that imports, distinct for each {@code n}. */
    static String document(int n) {
        return """
                # Incident %d: checkout slow

                - Severity: SEV3
                - Date: 2025-06-%02d 10:00 UTC
                - Time to detection: 10 minutes
                - Time to recovery: 1 hour

                ## Summary
                Checkout answered slowly for an hour (case %d).

                ## Root cause
                A cache was cold after a deploy.
                """.formatted(n, 1 + n % 28, n);
    }
}
