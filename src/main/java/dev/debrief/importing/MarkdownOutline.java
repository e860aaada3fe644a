package dev.debrief.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown document cut at its headings: the lines before the first heading, then each heading with the lines
 * under it. Line endings are normalised, HTML comments are left out, and a {@code #} inside a fenced code block is
 * not a heading. Only ATX headings ({@code ## Impact}) count; they are what every common template uses.
 */
record MarkdownOutline(List<String> preamble, List<Part> parts, boolean hadComments) {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})[ \\t]++(.*)$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

    /** One heading and the lines under it, up to the next heading. */
    record Part(int level, String heading, List<String> lines) {

        String text() {
            return String.join("\n", lines).strip();
        }
    }

    static MarkdownOutline of(String markdown) {
        String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        String uncommented = Spans.replaced(text, "<!--", "-->", "");
        List<String> preamble = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        List<String> current = preamble;
        boolean fenced = false;
        for (String line : uncommented.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
            }
            Matcher heading = fenced ? null : HEADING.matcher(line);
            if (heading != null && heading.matches()) {
                current = new ArrayList<>();
                parts.add(new Part(heading.group(1).length(), headingText(heading.group(2)), current));
            } else {
                current.add(line);
            }
        }
        return new MarkdownOutline(preamble, parts, !uncommented.equals(text));
    }

    /** A heading's text without its optional closing sequence of {@code #} ({@code ## Impact ##}). */
    private static String headingText(String raw) {
        String text = raw.strip();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '#') {
            end--;
        }
        if (end == 0 || end < text.length() && Character.isWhitespace(text.charAt(end - 1))) {
            return text.substring(0, end).strip();
        }
        return text;
    }
}
