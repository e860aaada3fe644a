package dev.debrief.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.Contrast;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.1 SC 1.4.11, which axe-core does not check: what shows where a field is and which control has the focus
 * stands out at least 3:1 from the page and the panels behind it.
 */
class NonTextContrastTest {

    private static final String PAPER = "#ffffff";
    private static final String WASH = "#f5f7fa";

    @Test
    void theBackgroundsAreTheOnesTheStyleSheetDeclares() throws IOException {
        String css = styleSheet();
        assertThat(colour(css, "--paper:\\s*(#[0-9a-f]{6})")).isEqualTo(PAPER);
        assertThat(colour(css, "--wash:\\s*(#[0-9a-f]{6})")).isEqualTo(WASH);
    }

    @Test
    void aFieldsBorderStandsOutFromThePage() throws IOException {
        String border = colour(styleSheet(), "select, textarea \\{[^}]*border: 1px solid (#[0-9a-f]{6})");

        assertThat(Contrast.ratio(border, PAPER)).isGreaterThanOrEqualTo(3);
        assertThat(Contrast.ratio(border, WASH)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theFocusOutlineStandsOutFromThePage() throws IOException {
        String outline = colour(styleSheet(), "a:focus \\{ outline: 3px solid (#[0-9a-f]{6})");

        assertThat(Contrast.ratio(outline, PAPER)).isGreaterThanOrEqualTo(3);
        assertThat(Contrast.ratio(outline, WASH)).isGreaterThanOrEqualTo(3);
    }

    private static String colour(String css, String pattern) {
        Matcher found = Pattern.compile(pattern).matcher(css);
        assertThat(found.find()).as("the style sheet has " + pattern).isTrue();
        return found.group(1);
    }

    private static String styleSheet() throws IOException {
        try (InputStream css = NonTextContrastTest.class.getResourceAsStream("/META-INF/resources/css/debrief.css")) {
            assertThat(css).as("the style sheet").isNotNull();
            return new String(css.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
