package dev.debrief.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reminder webhook's URL carries its token: what is said of a URL that cannot be used must not repeat it. */
class WebhookChannelTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "https:/hooks.example.com/services/T000/B000/SECRET", // one slash: a URI, but not one the client can use
        "https://hooks.example.com/services/T000/B000/SECRET with space", // not a URI at all
        "ftp://hooks.example.com/services/T000/B000/SECRET", // a scheme the client does not speak
    })
    void aUrlThatCannotBeUsedIsRefusedWithoutRepeatingIt(String url) {
        assertThatThrownBy(() -> WebhookChannel.request(url, "{}"))
                .isInstanceOf(IOException.class)
                .hasMessage("debrief.reminders.webhook-url is not a valid http or https URL")
                .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain("SECRET"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/services/T000/B000/SECRET", "http://127.0.0.1:18765/hook"})
    void aUsableUrlMakesAPost(String url) throws IOException {
        assertThat(WebhookChannel.request(url, "{}").method()).isEqualTo("POST");
    }
}
