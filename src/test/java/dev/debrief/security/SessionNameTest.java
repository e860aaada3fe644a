package dev.debrief.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A page session's name: the user, the credential version and a random id of its own. */
class SessionNameTest {

    @Test
    void aNewSessionNamesTheUserTheVersionAndAnIdOfItsOwn() {
        String first = SessionName.start("pat#3");
        String second = SessionName.start("pat#3");

        SessionName session = SessionName.of(first).orElseThrow();
        assertThat(session.username()).isEqualTo("pat");
        assertThat(session.credentialVersion()).isEqualTo(3);
        assertThat(session.id()).hasSize(22).matches("[A-Za-z0-9_-]+");
        assertThat(SessionName.of(second).orElseThrow().id()).as("another session").isNotEqualTo(session.id());
    }

    /** Read from the end: a "#" in the user name (which sign-up refuses) could not make it read as another user. */
    @Test
    void aNameIsReadFromTheEnd() {
        SessionName session = SessionName.of("bob#1#3#k7Qx").orElseThrow();
        assertThat(session.username()).isEqualTo("bob#1");
        assertThat(session.credentialVersion()).isEqualTo(3);
        assertThat(session.id()).isEqualTo("k7Qx");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"pat", "pat#3", "pat#3#", "pat#three#k7Qx", "pat##k7Qx", "#3#k7Qx"})
    void aNameWithoutAVersionAndASessionIdIsNoSession(String name) {
        assertThat(SessionName.of(name)).isEmpty();
    }
}
