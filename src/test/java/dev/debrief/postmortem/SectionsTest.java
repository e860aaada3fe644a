package dev.debrief.postmortem;

import static dev.debrief.support.Api.asEditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every {@link Section} travels the whole way under its one description: the API field, the page's box with its
 * label and prompt, the page that reads it, the Markdown export, and the publishing rule.
 */
@QuarkusTest
class SectionsTest {

    @ParameterizedTest
    @EnumSource(Section.class)
    void aSectionWrittenThroughTheApiIsReadBackEverywhereUnderItsLabel(Section section) {
        String text = "Written for " + section.field + " only.";
        long id = Scenarios.create(PostMortemJson.minimal().with(section.field, text));

        asEditor().get("/api/postmortems/{id}", id).then().statusCode(200).body(section.field, equalTo(text));
        WebSession editor = WebSession.asEditor();
        Document page = editor.page("/postmortems/" + id);
        assertThat(page.select("[data-testid=section-" + section.field + "] h2").text()).isEqualTo(section.label);
        assertThat(page.select("[data-testid=section-" + section.field + "]").text()).contains(text);
        Document form = editor.page("/postmortems/" + id + "/edit");
        assertThat(form.select("label[for=" + section.field + "]").text()).isEqualTo(section.label);
        assertThat(form.select("#" + section.field + "-prompt").text()).isEqualTo(section.prompt);
        assertThat(form.select("textarea#" + section.field).text()).isEqualTo(text);
        assertThat(editor.get("/postmortems/" + id + ".md").asString())
                .contains("## " + section.label + "\n\n" + text + "\n");
    }

    @ParameterizedTest
    @EnumSource(Section.class)
    void aSectionTypedOnThePageIsSavedToTheFieldTheApiReads(Section section) {
        long id = Scenarios.create(PostMortemJson.minimal());
        WebSession editor = WebSession.asEditor();
        Document form = editor.page("/postmortems/" + id + "/edit");
        String text = "Typed into the " + section.label + " box.";

        Response saved = editor.submit(form, "form.write", Map.of(section.field, text));

        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
        asEditor().get("/api/postmortems/{id}", id).then().body(section.field, equalTo(text));
        assertThat(Jsoup.parse(editor.get("/postmortems/" + id).asString())
                .select("[data-testid=section-" + section.field + "]").text()).contains(text);
    }

    @ParameterizedTest
    @EnumSource(Section.class)
    void publishingNeedsExactlyTheAgendaQuestionsAnswered(Section section) {
        long id = Scenarios.create(PostMortemJson.complete().with(section.field, " "));
        for (int rank = 1; rank <= 3; rank++) {
            Scenarios.addItem(id, PostMortemJson.item(rank));
        }

        var publish = asEditor().post("/api/postmortems/{id}/publish", id).then();

        if (section.agendaQuestion) {
            publish.statusCode(422).body("errors.field", hasItem(section.field));
        } else {
            publish.statusCode(200);
        }
    }
}
