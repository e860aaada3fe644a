package dev.debrief.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** What people write is rendered as Markdown, and nothing in it can run in a reader's browser. */
class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private String html(String markdown) {
        return renderer.toHtml(markdown).getValue();
    }

    @Test
    void rendersCommonMark() {
        Document doc = Jsoup.parse(html("**bold** and [docs](https://example.com/runbook)"));
        assertThat(doc.select("strong").text()).isEqualTo("bold");
        assertThat(doc.select("a").attr("href")).isEqualTo("https://example.com/runbook");
        assertThat(doc.select("a").attr("rel")).isEqualTo("nofollow noopener noreferrer");
    }

    @Test
    void scriptBlocksAreEscaped() {
        assertThat(html("<script>alert(1)</script>")).doesNotContain("<script").contains("&lt;script&gt;");
    }

    @Test
    void inlineHtmlWithEventHandlersIsEscaped() {
        assertThat(html("see <img src=x onerror=\"alert(2)\"> here")).doesNotContain("<img")
                .contains("&lt;img");
    }

    @Test
    void dataLinksLoseTheirTarget() {
        assertThat(html("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)"))
                .doesNotContainIgnoringCase("data:");
        assertThat(html("[runbook](/postmortems/12) and [mail](mailto:sre@example.com)"))
                .contains("href=\"/postmortems/12\"").contains("href=\"mailto:sre@example.com\"");
    }

    @Test
    void javascriptLinksLoseTheirTarget() {
        assertThat(html("[click](javascript:alert(3))")).doesNotContainIgnoringCase("javascript:");
        assertThat(html("[click](JaVaScRiPt:alert(3))")).doesNotContainIgnoringCase("javascript:");
    }

    @Test
    void tablesRender() {
        assertThat(html("| a | b |\n| --- | --- |\n| 1 | 2 |")).contains("<table>").contains("<td>1</td>");
    }

    @Test
    void emptyTextRendersNothing() {
        assertThat(html(null)).isEmpty();
        assertThat(html("  ")).isEmpty();
    }
}
