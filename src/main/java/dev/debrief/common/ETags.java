package dev.debrief.common;

/** Entity tags are the optimistic-locking version in quotes, so {@code If-Match} and {@code version} agree. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Refuses with 412 unless {@code ifMatch} (when sent) names the current version or is {@code *}. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw new PreconditionFailedException(ifMatch.strip(), current);
    }
}
