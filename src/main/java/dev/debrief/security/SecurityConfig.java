package dev.debrief.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How Debrief stores and checks passwords and throttles sign-in: {@code debrief.security.}, in docs/operations.md. */
@ConfigMapping(prefix = "debrief.security")
public interface SecurityConfig {

    /** bcrypt cost factor for stored passwords. */
    @WithDefault("12")
    int bcryptCost();

    /** How long a verified Basic credential is remembered, so reads do not pay bcrypt each time. */
    @WithDefault("PT5M")
    Duration credentialCacheTtl();

    /**
     * How long a remembered credential is trusted before it is compared with the stored user again (one read by
     * primary key). 0, the default, compares at every request, so a user deleted or given a new password
     * through any instance is refused at the very next request.
     */
    @WithDefault("PT0S")
    Duration credentialRecheck();

    /**
     * Other hosts that images in Markdown sections may load from (the Content-Security-Policy's img-src), such
     * as {@code https://images.example.com}; none by default, so images load only from Debrief itself.
     */
    Optional<List<String>> imageHosts();

    /**
     * How many password checks (bcrypt) run at once; by default half the processors, at least one. The rest
     * of the machine stays free for requests that carry a remembered credential or a session.
     */
    Optional<Integer> hashingThreads();

    /** How many more password checks may wait for a turn; beyond that a sign-in is refused with 429 at once. */
    @WithDefault("8")
    int hashingQueue();

    SignIn signIn();

    /** Sign-in throttling: how many failed password checks are allowed within the window before refusing. */
    interface SignIn {

        /** Failures for one user name from one client address. */
        @WithDefault("10")
        int maxFailuresPerUser();

        /** Failures from one client address, whatever the user names. */
        @WithDefault("50")
        int maxFailuresPerAddress();

        /** How long a failure counts. */
        @WithDefault("PT15M")
        Duration window();
    }
}
