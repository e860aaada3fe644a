package dev.debrief.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.PackagedApp;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The packaged jar holds DEBRIEF_ADMIN_PASSWORD to the password rule of every other password. */
class AdminPasswordIT {

    @Test
    void aShortAdminPasswordStopsTheFirstStartSayingWhy() throws Exception {
        try (PackagedApp app = new PackagedApp(Files.createTempDirectory("debrief-admin-password"), "admin-pw-11")) {
            assertThat(app.startExpectingFailure()).isNotZero();
            assertThat(app.log()).contains("DEBRIEF_ADMIN_PASSWORD cannot be the admin's password: it must be at "
                    + "least 12 characters long");
        }
    }
}
