package dev.debrief.importing;

/** Removing delimited spans from imported text in one pass, where a lazy pattern would go back over it. */
final class Spans {

    private Spans() {
    }

    /**
     * {@code text} with each span from {@code open} to the first {@code close} after it replaced by
     * {@code replacement}; a span left open stays as it is. Linear in the length of the text, whatever it holds.
     */
    static String replaced(String text, String open, String close, String replacement) {
        StringBuilder kept = new StringBuilder(text.length());
        int from = 0;
        for (int start = text.indexOf(open); start >= 0; start = text.indexOf(open, from)) {
            int end = text.indexOf(close, start + open.length());
            if (end < 0) {
                break;
            }
            kept.append(text, from, start).append(replacement);
            from = end + close.length();
        }
        return kept.append(text, from, text.length()).toString();
    }
}
