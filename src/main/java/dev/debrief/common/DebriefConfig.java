package dev.debrief.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
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

    /** Password of the {@code admin} user created on first start ({@code DEBRIEF_ADMIN_PASSWORD}). */
    Optional<String> adminPassword();

    Limits limits();

    Security security();

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

    interface Security {

        /** bcrypt cost factor for stored passwords. */
        @WithDefault("12")
        int bcryptCost();

        /** How long a verified Basic credential is remembered, so reads do not pay bcrypt each time. */
        @WithDefault("PT5M")
        Duration credentialCacheTtl();
    }
}
