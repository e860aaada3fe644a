package dev.debrief.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Debrief's own settings, all under {@code debrief.}; docs/operations.md lists them. */
@ConfigMapping(prefix = "debrief")
public interface DebriefConfig {

    /** How long after resolution the write-up is due. */
    @WithDefault("PT48H")
    Duration writeUpWindow();

    /** How far ahead of the server clock an incident time may lie, to absorb clock skew. */
    @WithDefault("PT5M")
    Duration futureTolerance();

    /** The team's time zone: forms take and pages show times in it. */
    @WithDefault("UTC")
    ZoneId timeZone();

    /** First day of the team's week: the board's "due this week" runs from it to the day before it. */
    @WithDefault("MONDAY")
    DayOfWeek weekStart();

    /**
     * Phrases the blameless-language check flags (case-insensitive, whole words). Each may carry its own
     * suggestion after {@code =>}.
     */
    @WithDefault("human error=>Describe the condition that made the action reasonable at the time.,"
            + "should have=>Say what the system made easy or hard at that moment instead of what someone ought to have done.,"
            + "should've=>Say what the system made easy or hard at that moment instead of what someone ought to have done.,"
            + "failed to=>Describe what the process or tooling did not provide.,"
            + "careless=>Describe the pressure or missing safeguard instead of a person's character.,"
            + "negligent=>Describe the pressure or missing safeguard instead of a person's character.,"
            + "negligence=>Describe the pressure or missing safeguard instead of a person's character.,"
            + "his fault=>Name the gap in the system that allowed the mistake.,"
            + "her fault=>Name the gap in the system that allowed the mistake.,"
            + "their fault=>Name the gap in the system that allowed the mistake.,"
            + "didn't bother=>Describe why the step looked unnecessary at the time.,"
            + "did not bother=>Describe why the step looked unnecessary at the time.,"
            + "blame=>Post-mortems look for causes in the system rather than someone to blame.,"
            + "incompetent=>Describe the missing training or tooling or documentation.")
    List<String> blamelessPhrases();

    /** Password of the {@code admin} user created on first start ({@code DEBRIEF_ADMIN_PASSWORD}). */
    Optional<String> adminPassword();

    /** Fill an empty database with a demo year at start ({@code DEBRIEF_DEMO=true}); see docs/operations.md. */
    @WithDefault("false")
    boolean demo();

    /**
     * The build's training run for the class-data archive (pom.xml): Debrief stops as soon as it has started, so
     * that the JVM writes what start-up loaded into the archive the start command names. Off for any real start.
     */
    @WithDefault("false")
    boolean archiveRun();

    Limits limits();

    Reminders reminders();

    /**
     * The address people reach Debrief at, for links back from elsewhere (the tickets Debrief opens in an issue
     * tracker).
     */
    @WithDefault("http://localhost:8080")
    URI publicUrl();

    Webhooks webhooks();

    Tracker tracker();

    Imports imports();

    ApiDocs apiDocs();

    interface ApiDocs {

        /** Whether the interactive Swagger UI is served at /q/swagger-ui (quarkus.swagger-ui.enabled follows it). */
        @WithDefault("false")
        boolean ui();
    }

    /** Longest text accepted per field kind. They may be lowered; the schema caps them at these defaults. */
    interface Limits {

        @WithDefault("200")
        int title();

        @WithDefault("100000")
        int section();

        @WithDefault("2000")
        int line();

        @WithDefault("100")
        int name();
    }

    /** Outgoing reminders; each channel is off until configured. */
    interface Reminders {

        /** How often the reminder job looks for due reminders ({@code 5m}; {@code off} disables it). */
        @WithDefault("5m")
        String checkEvery();

        /** Incoming-webhook URL (Slack-compatible: a JSON body {@code {"text": ...}}). */
        Optional<String> webhookUrl();

        /** E-mail recipients of reminders (quarkus.mailer.* configures the SMTP server). */
        Optional<List<String>> mailTo();

        /** Day of the weekly digest, before the review. */
        @WithDefault("MONDAY")
        DayOfWeek digestDay();

        /** Time of day (team zone) from which the weekly digest goes out. */
        @WithDefault("09:00")
        LocalTime digestTime();

        /** Attempts per webhook reminder before it is left for the next run. */
        @WithDefault("3")
        int attempts();

        /** Wait before the second attempt; it doubles for each further one. */
        @WithDefault("PT1S")
        Duration backoff();
    }

    /** Signed outbound webhooks (docs/integrations.md). */
    interface Webhooks {

        /** How often the sender looks for deliveries due ({@code 5s}; {@code off} disables it). */
        @WithDefault("5s")
        String sendEvery();

        /**
         * Whether subscribers may be at link-local addresses (169.254.0.0/16, fe80::/10), where cloud metadata
         * services answer; refused by default.
         */
        @WithDefault("false")
        boolean allowLinkLocal();

        /** Attempts per delivery, the first included, before it is given up as failed. */
        @WithDefault("6")
        int maxAttempts();

        /** The waits after the first, second, ... failed attempt; the last repeats. */
        @WithDefault("PT30S,PT2M,PT10M,PT1H,PT6H")
        List<Duration> retryWaits();

        /** A claim older than this without a result is taken to be from an instance that died while sending. */
        @WithDefault("PT5M")
        Duration claimTimeout();
    }

    /** Issue trackers that action items are linked to and whose state comes back (docs/integrations.md). */
    interface Tracker {

        /** The tracker used when several are configured: {@code github}, {@code gitlab} or {@code jira}. */
        @WithName("default")
        Optional<String> preferred();

        /** Whether publishing a post-mortem opens a ticket for each of its items. */
        @WithDefault("false")
        boolean createOnPublish();

        /**
         * Whether the weekly review's DONE or DROP of an item with an open ticket comments on the ticket and closes
         * it.
         */
        @WithDefault("false")
        boolean closeOnDone();

        /** How often the closes still to send to the trackers are tried ({@code off} disables it). */
        @WithDefault("30s")
        String closeEvery();

        /** How often the linked open tickets are read back, for webhooks missed ({@code off} disables it). */
        @WithDefault("15m")
        String pollEvery();

        /** How often the tickets still to open on publishing are tried ({@code off} disables it). */
        @WithDefault("30s")
        String createEvery();

        /** How long one call to a tracker may take before it counts as failed. */
        @WithDefault("PT10S")
        Duration timeout();

        /** A creation claimed longer ago than this without a result is from an instance that died meanwhile. */
        @WithDefault("PT2M")
        Duration claimTimeout();

        /** The waits after the first, second, ... failed creation on publishing or close; the last repeats. */
        @WithDefault("PT1M,PT5M,PT30M,PT2H")
        List<Duration> retryWaits();

        /**
         * Attempts at a creation on publishing (an editor may still press the button) or at a close before it is
         * given up.
         */
        @WithDefault("10")
        int maxAttempts();

        GitHub github();

        GitLab gitlab();

        Jira jira();
    }

    /** GitHub Issues: on when {@code token} and {@code repository} are set. */
    interface GitHub {

        @WithDefault("https://api.github.com")
        URI apiUrl();

        Optional<String> token();

        /** {@code owner/name}. */
        Optional<String> repository();

        /** The secret of the webhook configured on the repository, which signs its deliveries. */
        Optional<String> webhookSecret();
    }

    /** GitLab issues: on when {@code token} and {@code project} are set. */
    interface GitLab {

        @WithDefault("https://gitlab.com/api/v4")
        URI apiUrl();

        Optional<String> token();

        /** The project's path ({@code group/name}) or numeric id. */
        Optional<String> project();

        /** The secret token of the webhook configured on the project ({@code X-Gitlab-Token}). */
        Optional<String> webhookToken();
    }

    /** Jira Cloud or Data Center: on when {@code base-url}, {@code token} and {@code project} are set. */
    interface Jira {

        Optional<URI> baseUrl();

        /** The account's e-mail for Jira Cloud's API tokens; leave unset to send {@code token} as a bearer PAT. */
        Optional<String> user();

        Optional<String> token();

        /** The project key, such as {@code OPS}. */
        Optional<String> project();

        @WithDefault("Task")
        String issueType();

        /** Status names that count as done; by default every status in Jira's "done" category. */
        Optional<List<String>> doneStatuses();

        /** The secret the webhook's URL carries ({@code ?secret=}) or sends as {@code X-Debrief-Secret}. */
        Optional<String> webhookSecret();
    }

    /**
     * Limits on an archive of Markdown documents sent to {@code POST /api/imports} (docs/import.md), counted on
     * what the archive holds once uncompressed, so a small archive cannot unpack into more than this.
     */
    interface Imports {

        /** Entries of an archive (files and folders); an archive with more is refused with 413. */
        @WithDefault("5000")
        int maxEntries();

        /** Bytes of one document; a larger document is reported as failed and the others go on. */
        @WithDefault("1M")
        MemorySize maxDocumentSize();

        /**
         * Bytes of the whole archive uncompressed; an archive that unpacks to more is refused with 413. The
         * documents wait in memory for the worker, so this bounds the memory a batch holds.
         */
        @WithDefault("50M")
        MemorySize maxTotalSize();
    }
}
