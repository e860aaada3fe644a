package dev.debrief.common;

/** Which addresses are pages for people, as opposed to the API, Quarkus's endpoints and the sign-in post. */
public final class Pages {

    private Pages() {
    }

    /** Everything outside {@code /api/} and {@code /q/}, except the form sign-in's own address. */
    public static boolean isPage(String path) {
        return !path.startsWith("/api/") && !path.startsWith("/q/") && !path.equals("/j_security_check");
    }
}
