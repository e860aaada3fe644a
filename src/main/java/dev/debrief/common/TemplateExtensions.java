package dev.debrief.common;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Display-only helpers for templates. */
@TemplateExtension
public final class TemplateExtensions {

    private TemplateExtensions() {
    }

    /** A figure with one decimal, or null (so that templates can fall back with {@code ?:}). */
    static String formatted(Double value) {
        return value == null ? null : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The noun for a count: {@code one} for exactly 1, {@code many} for any other count (0 incidents, 2 incidents). */
    static String plural(Number count, String one, String many) {
        return count != null && count.longValue() == 1 ? one : many;
    }

    /** The value as a URL query-parameter value. */
    static String urlEncoded(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
