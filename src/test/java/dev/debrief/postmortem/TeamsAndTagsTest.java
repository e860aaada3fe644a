package dev.debrief.postmortem;

import static dev.debrief.support.Api.asAdmin;
import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Teams that admins keep, a post-mortem's owning team and tags, an action item's team (docs/api.md). */
@QuarkusTest
class TeamsAndTagsTest {

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    static long team(String name) {
        return asAdmin().body(Map.of("name", name)).post("/api/teams").then().statusCode(201)
                .body("name", equalTo(name)).extract().jsonPath().getLong("id");
    }

    @Test
    void anAddedTeamOrFactorIsWhereItsLocationSays() {
        for (String list : List.of("/api/teams", "/api/factors")) {
            var created = asAdmin().body(Map.of("name", "Located")).post(list).then().statusCode(201).extract();
            String location = created.header("Location");

            assertThat(location).endsWith(list + "/" + created.jsonPath().getLong("id"));
            asViewer().get(location).then().statusCode(200).body("name", equalTo("Located"));
        }
    }

    @Test
    void adminAddsRenamesAndRemovesATeam() {
        long id = team("Payments");
        asViewer().get("/api/teams").then().statusCode(200).body("name", contains("Payments"));
        asAdmin().body(Map.of("name", "Payments platform")).put("/api/teams/{id}", id).then().statusCode(200)
                .body("name", equalTo("Payments platform"));
        asAdmin().delete("/api/teams/{id}", id).then().statusCode(204);
        asViewer().get("/api/teams/{id}", id).then().statusCode(404);
        assertThat(asAdmin().get("/api/audit?action=team").jsonPath().getList("items.action", String.class))
                .containsExactly("team.deleted", "team.renamed", "team.created");
    }

    @Test
    void onlyAdminsManageTeams() {
        long id = team("Payments");
        asEditor().body(Map.of("name", "Search")).post("/api/teams").then().statusCode(403);
        asEditor().body(Map.of("name", "Search")).put("/api/teams/{id}", id).then().statusCode(403);
        asViewer().delete("/api/teams/{id}", id).then().statusCode(403);
        asViewer().get("/api/teams/{id}", id).then().statusCode(200);
    }

    @Test
    void aTeamNeedsAName() {
        asAdmin().body(Map.of("name", " ")).post("/api/teams").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("name"));
    }

    @Test
    void teamNamesAreUniqueWhateverTheirCase() {
        team("Payments");
        asAdmin().body(Map.of("name", "PAYMENTS ")).post("/api/teams").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("Payments"));
    }

    @Test
    void aTeamThatOwnsWorkIsNotRemovedButSaysWhatItOwns() {
        long id = team("Payments");
        long pm = Scenarios.create(PostMortemJson.complete().with("team", "Payments"));
        asAdmin().delete("/api/teams/{id}", id).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("1 post-mortem(s) and 0 action item(s)"));
        asViewer().get("/api/postmortems/{id}", pm).then().body("team", equalTo("Payments"));
    }

    @Test
    void aPostMortemNamesItsTeamWhateverTheCaseAndKeepsItThroughARename() {
        long id = team("Payments");
        long pm = Scenarios.create(PostMortemJson.complete().with("team", "payments"));
        asViewer().get("/api/postmortems/{id}", pm).then().body("team", equalTo("Payments"));
        asAdmin().body(Map.of("name", "Money")).put("/api/teams/{id}", id).then().statusCode(200);
        asViewer().get("/api/postmortems/{id}", pm).then().body("team", equalTo("Money"));
        asViewer().get("/api/postmortems?team=money").then().body("items.id", contains((int) pm));
    }

    @Test
    void anUnknownTeamIsRefusedNamingTheField() {
        asEditor().body(PostMortemJson.complete().with("team", "Nobody").build()).post("/api/postmortems")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("team"));
    }

    @Test
    void tagsAreTrimmedLowerCasedAndKeptOnce() {
        long pm = Scenarios.create(PostMortemJson.complete().with("tags", List.of(" Database ", "database", "TLS")));
        asViewer().get("/api/postmortems/{id}", pm).then().body("tags", contains("database", "tls"));
        asViewer().get("/api/postmortems").then().body("items[0].tags", contains("database", "tls"));
    }

    @Test
    void aTagThatIsTooLongOrNotAWordIsRefusedNamingIt() {
        asEditor().body(PostMortemJson.complete().with("tags", List.of("ok", "x".repeat(41))).build())
                .post("/api/postmortems").then().statusCode(400).body("errors.field", contains("tags[1]"));
        asEditor().body(PostMortemJson.complete().with("tags", List.of("%_'")).build())
                .post("/api/postmortems").then().statusCode(400).body("errors.field", contains("tags[0]"));
        // 21 characters, but 42 in lower case, as the tag is stored.
        asEditor().body(PostMortemJson.complete().with("tags", List.of("İ".repeat(21))).build())
                .post("/api/postmortems").then().statusCode(400).body("errors.field", contains("tags[0]"));
    }

    @Test
    void aNameLongerThanItsColumnInLowerCaseIsRefusedNamingIt() {
        asAdmin().body(Map.of("name", "İ".repeat(51))).post("/api/teams").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("name"))
                .body("errors[0].message", containsString("102 in lower case"));
        asAdmin().body(Map.of("name", "İ".repeat(50))).post("/api/teams").then().statusCode(201);
    }

    @Test
    void aPostMortemHasAtMostTwentyTags() {
        List<String> tags = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tags.add("tag" + i);
        }
        asEditor().body(PostMortemJson.complete().with("tags", tags).build()).post("/api/postmortems")
                .then().statusCode(400).body("errors.field", contains("tags"));
    }

    @Test
    void tagsInUseAreSuggestedTheMostUsedFirst() {
        Scenarios.create(PostMortemJson.complete().with("tags", List.of("tls", "dns")));
        Scenarios.create(PostMortemJson.complete().with("tags", List.of("dns")));
        asViewer().get("/api/tags").then().statusCode(200).body("tag", contains("dns", "tls"))
                .body("postmortems", contains(2, 1));
    }

    @Test
    void changingTagsAndTeamIsAudited() {
        team("Payments");
        long pm = Scenarios.create(PostMortemJson.complete());
        Map<String, Object> body = PostMortemJson.complete().with("team", "Payments").with("tags", List.of("dns"))
                .with("version", 0).build();
        asEditor().body(body).put("/api/postmortems/{id}", pm).then().statusCode(200);
        List<Map<String, Object>> changes = asAdmin().get("/api/audit?action=postmortem.updated").jsonPath()
                .getList("items[0].changes");
        assertThat(changes).extracting(c -> c.get("field")).containsExactly("team", "tags");
    }

    @Test
    void anActionItemHasItsOwnTeamOrItsPostMortems() {
        team("Payments");
        team("Search");
        long pm = Scenarios.create(PostMortemJson.complete().with("team", "Payments"));
        Map<String, Object> own = PostMortemJson.item(1);
        own.put("team", "search");
        long first = Scenarios.addItem(pm, own);
        Scenarios.addItem(pm, PostMortemJson.item(2));
        asViewer().get("/api/postmortems/{id}", pm).then().body("actionItems.team",
                contains("Search", null));
        Map<String, Object> board = asViewer().get("/api/board?asOf=2026-03-10").jsonPath().getMap("");
        assertThat(asViewer().get("/api/board?asOf=2026-03-10").jsonPath().getList("later.team"))
                .containsExactly("Search", "Payments");
        assertThat(board).containsKey("teams");
        asViewer().get("/api/board?asOf=2026-03-10&team=SEARCH").then()
                .body("later.actionItemId", contains((int) first));
    }

    @Test
    void theListFiltersByTeamAndTag() {
        team("Payments");
        long tagged = Scenarios.create(PostMortemJson.complete().with("team", "Payments").with("tags", List.of("dns")));
        Scenarios.create(PostMortemJson.complete().with("team", "Payments"));
        Scenarios.create(PostMortemJson.complete().with("tags", List.of("dns")));
        asViewer().get("/api/postmortems?team=Payments&tag=DNS").then().statusCode(200)
                .body("items.id", contains((int) tagged)).header("X-Total-Count", "1");
        asViewer().get("/api/postmortems?team=Nobody").then().statusCode(200).body("items", equalTo(Collections.emptyList()));
    }
}
