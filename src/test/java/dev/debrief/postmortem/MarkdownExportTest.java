package dev.debrief.postmortem;

import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Markdown export renders as the same document in a CommonMark renderer (with GFM tables). */
@QuarkusTest
class MarkdownExportTest {

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    private static Document rendered(String markdown) {
        var extensions = List.of(TablesExtension.create());
        String html = HtmlRenderer.builder().extensions(extensions).build()
                .render(Parser.builder().extensions(extensions).build().parse(markdown));
        return Jsoup.parse(html);
    }

    @Test
    void apiAnswersTextMarkdownWithTheWholeDocument() {
        long id = Scenarios.readyToPublish().postmortem();
        Response md = asViewer().accept("text/markdown").get("/api/postmortems/{id}", id);
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.contentType()).startsWith("text/markdown");

        Document doc = rendered(md.asString());
        assertThat(doc.select("h1").text()).isEqualTo("Checkout returned 500s");
        assertThat(doc.select("h2").eachText()).containsExactly("Summary", "Impact", "What happened?",
                "Why did our detection fail?", "Why did our response fail?", "What do we change?", "Action items",
                "Timeline", "Considered, not chosen");
        assertThat(doc.select("table th").eachText()).containsExactly("Rank", "Title", "Owner", "Due", "Kind",
                "Status");
        assertThat(doc.select("table tbody tr")).hasSize(3);
        assertThat(doc.select("table tbody tr").get(0).select("td").eachText())
                .containsExactly("1", "Action 1", "team-payments", "2026-03-24", "DETECTION", "OPEN");
        assertThat(doc.select("li").eachText()).contains("rewrite the payment service");
    }

    @Test
    void teamTagsAndFactorsTravelWithTheDocument() {
        TeamsAndTagsTest.team("Payments");
        TeamsAndTagsTest.team("Platform");
        long configuration = asViewer().get("/api/factors").jsonPath()
                .getLong("find { it.name == 'Configuration' }.id");
        long id = Scenarios.create(PostMortemJson.complete().with("team", "Payments")
                .with("tags", List.of("checkout", "q1"))
                .with("factors", List.of(java.util.Map.of("factorId", configuration, "note", "a flag left on"))));
        Scenarios.addItem(id, java.util.Map.of("priority", 1, "title", "Own team", "owner", "ana",
                "kind", "DETECTION"));
        Scenarios.addItem(id, java.util.Map.of("priority", 2, "title", "Other team", "owner", "bo",
                "team", "Platform", "kind", "RESPONSE"));
        Document doc = rendered(asViewer().accept("text/markdown").get("/api/postmortems/{id}", id).asString());

        assertThat(doc.select("li").eachText()).contains("Team: Payments", "Tags: checkout, q1",
                "Configuration: a flag left on");
        assertThat(doc.select("h2").eachText()).contains("Contributing factors");
        assertThat(doc.select("table tbody tr").get(0).select("td").get(2).text()).isEqualTo("ana");
        assertThat(doc.select("table tbody tr").get(1).select("td").get(2).text()).isEqualTo("bo (team Platform)");
    }

    @Test
    void singleLineValuesCannotBreakTheStructure() {
        long id = Scenarios.create(PostMortemJson.complete().with("title", "# <b>Pipes | and</b> *stars*"));
        Scenarios.addItem(id, java.util.Map.of("priority", 1, "title", "a | b", "kind", "DETECTION"));
        String md = asViewer().accept("text/markdown").get("/api/postmortems/{id}", id).asString();
        Document doc = rendered(md);
        assertThat(doc.select("h1").text()).isEqualTo("# <b>Pipes | and</b> *stars*");
        assertThat(doc.select("h1 b, h1 em")).isEmpty();
        assertThat(doc.select("table tbody tr td").get(1).text()).isEqualTo("a | b");
    }
}
