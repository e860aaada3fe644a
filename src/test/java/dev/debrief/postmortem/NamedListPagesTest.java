package dev.debrief.postmortem;

import static dev.debrief.support.Api.asAdmin;
import static dev.debrief.support.Api.asViewer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.Api;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Admins keep the teams and the contributing factors on a page, with the API's rules and audit lines. */
@QuarkusTest
class NamedListPagesTest {

    @Inject
    TestData data;

    @BeforeEach
    void reset() {
        data.reset();
    }

    private static WebSession admin() {
        return WebSession.signIn("admin", Api.ADMIN_PASSWORD);
    }

    @Test
    void onlyAdminsReachThePageAndTheAdminPageLinksToIt() {
        assertThat(WebSession.asEditor().get("/admin/lists").statusCode()).isEqualTo(403);
        WebSession admin = admin();
        assertThat(admin.page("/admin").select("a[data-testid=lists-link]").attr("href")).isEqualTo("/admin/lists");
        assertThat(admin.page("/admin/lists").select("[data-testid=no-teams]").text()).isEqualTo("No teams yet.");
    }

    @Test
    void anAdminAddsRenamesAndRemovesATeam() {
        WebSession admin = admin();
        Response added = admin.submit(admin.page("/admin/lists"), "form[data-testid=add-team]",
                Map.of("name", "Payments"));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.header("Location")).endsWith("/admin/lists?notice=team-added");
        Document page = admin.page("/admin/lists?notice=team-added");
        assertThat(page.select("[data-testid=lists-message]").text()).isEqualTo("Team added.");
        assertThat(page.select("tr[data-testid=team] td:first-child").eachText()).containsExactly("Payments");

        assertThat(admin.submit(page, "form[data-testid=rename-team]", Map.of("name", "Payments platform"))
                .statusCode()).isEqualTo(303);
        assertThat(asViewer().get("/api/teams").jsonPath().getList("name")).containsExactly("Payments platform");

        assertThat(admin.submit(admin.page("/admin/lists"), "form[data-testid=remove-team]", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(asViewer().get("/api/teams").jsonPath().getList("name")).isEmpty();
        assertThat(asAdmin().get("/api/audit?action=team").jsonPath().getList("items.action", String.class))
                .containsExactly("team.deleted", "team.renamed", "team.created");
    }

    @Test
    void refusalsComeBackOnThePageAndChangeNothing() {
        WebSession admin = admin();
        admin.submit(admin.page("/admin/lists"), "form[data-testid=add-team]", Map.of("name", "Payments"));
        long pm = Scenarios.create(PostMortemJson.complete().with("team", "Payments"));

        Response taken = admin.submit(admin.page("/admin/lists"), "form[data-testid=add-team]",
                Map.of("name", "PAYMENTS"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(taken.asString()).select("[data-testid=lists-message]").text())
                .contains("already exists");

        Response blank = admin.submit(admin.page("/admin/lists"), "form[data-testid=add-factor]",
                Map.of("name", " "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(blank.asString()).select("[data-testid=lists-message]").text())
                .isEqualTo("The name is required.");

        Response owning = admin.submit(admin.page("/admin/lists"), "form[data-testid=remove-team]", Map.of());
        assertThat(owning.statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(owning.asString()).select("[data-testid=lists-message]").text())
                .contains("1 post-mortem(s)");
        assertThat(asViewer().get("/api/teams").jsonPath().getList("name")).containsExactly("Payments");
        assertThat(asViewer().get("/api/postmortems/{id}", pm).jsonPath().getString("team")).isEqualTo("Payments");
    }

    @Test
    void anAdminAddsAndRenamesAContributingFactorAndItsPostMortemsKeepIt() {
        WebSession admin = admin();
        assertThat(admin.submit(admin.page("/admin/lists"), "form[data-testid=add-factor]",
                Map.of("name", "Flaky DNS")).header("Location")).endsWith("notice=factor-added");
        long flaky = asViewer().get("/api/factors").jsonPath().getLong("find { it.name == 'Flaky DNS' }.id");
        long pm = Scenarios.create(PostMortemJson.complete().with("factors", List.of(Map.of("factorId", flaky))));

        String rename = "form[action=/admin/lists/factors/" + flaky + "/rename]";
        assertThat(admin.submit(admin.page("/admin/lists"), rename, Map.of("name", "DNS")).statusCode())
                .isEqualTo(303);
        assertThat(admin.page("/admin/lists").select("tr[data-testid=factor] td:first-child").eachText())
                .contains("DNS", "Configuration").doesNotContain("Flaky DNS");
        assertThat(asViewer().get("/api/postmortems/{id}", pm).jsonPath().getList("factors.factor"))
                .containsExactly("DNS");
    }
}
