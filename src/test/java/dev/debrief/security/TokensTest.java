package dev.debrief.security;

import static dev.debrief.support.Api.as;
import static dev.debrief.support.Api.asAdmin;
import static dev.debrief.support.Api.asEditor;
import static dev.debrief.support.Api.asViewer;
import static dev.debrief.support.Api.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.debrief.support.MutableClock;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Personal API tokens stand in for their owner's password in scripts, never for more than the owner may do. */
@QuarkusTest
class TokensTest {

    private static final String RITA = "rita";
    private static final String RITA_PASSWORD = "rita-password-12345";

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @BeforeEach
    void rita() {
        data.reset();
        data.sql("delete from app_user where username = 'rita'");
        asAdmin().body(Map.of("username", RITA, "password", RITA_PASSWORD, "role", "editor")).post("/api/users")
                .then().statusCode(201);
    }

    @Test
    void aNewTokenIsShownOnceStartsWithDbfAndIsListedWithoutItsSecret() {
        JsonPath created = token("ci-read", "read");
        String secret = created.getString("token");

        assertThat(secret).startsWith("dbf_").hasSize(44);
        assertThat(created.getString("scope")).isEqualTo("read");
        assertThat(created.getString("createdAt")).isNotNull();
        Response list = as(RITA, RITA_PASSWORD).get("/api/tokens");
        assertThat(list.jsonPath().getList("name")).containsExactly("ci-read");
        assertThat(list.asString()).doesNotContain(secret).doesNotContain("\"token\"");
    }

    @Test
    void aReadTokenReadsButNeverWrites() {
        String secret = token("ci-read", "read").getString("token");

        withToken(secret).get("/api/postmortems").then().statusCode(200);
        withToken(secret).body(PostMortemJson.minimal().build()).post("/api/postmortems").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aWriteTokenHasItsOwnersRoleAndNeverMore() {
        String secret = token("ci-write", "write").getString("token");

        withToken(secret).body(PostMortemJson.minimal().build()).post("/api/postmortems").then().statusCode(201);
        withToken(secret).get("/api/users").then().statusCode(403);
    }

    @Test
    void aWriteTokenActsInItsOwnersName() {
        String secret = token("ci-write", "write").getString("token");

        long id = withToken(secret).body(PostMortemJson.minimal().build()).post("/api/postmortems").then()
                .statusCode(201).extract().jsonPath().getLong("id");

        asViewer().get("/api/postmortems/{id}/history", id).then().statusCode(200).body("[0].actor", equalTo(RITA));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a wrong secret, dbf_0123456789012345678901234567890123456789",
        "a malformed secret, dbf_short",
    })
    void anUnknownTokenIs401WithAProblem(String why, String secret) {
        withToken(secret).get("/api/postmortems").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aRevokedTokenIsRefusedFromTheNextRequestOn() {
        JsonPath created = token("ci-read", "read");
        withToken(created.getString("token")).get("/api/board").then().statusCode(200);

        as(RITA, RITA_PASSWORD).delete("/api/tokens/{id}", created.getLong("id")).then().statusCode(204);

        withToken(created.getString("token")).get("/api/board").then().statusCode(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String secret = token("ci-read", "read", MutableClock.DEFAULT_NOW.plus(Duration.ofDays(1)).toString())
                .getString("token");
        withToken(secret).get("/api/board").then().statusCode(200);

        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofDays(2)));

        withToken(secret).get("/api/board").then().statusCode(401);
    }

    @Test
    void aDemotedOwnersWriteTokenNoLongerWritesAndADeletedOwnersTokenIsRefused() {
        String secret = token("ci-write", "write").getString("token");

        asAdmin().body(Map.of("role", "viewer")).patch("/api/users/rita").then().statusCode(200);
        withToken(secret).body(PostMortemJson.minimal().build()).post("/api/postmortems").then().statusCode(403);

        asAdmin().delete("/api/users/rita").then().statusCode(204);
        withToken(secret).get("/api/board").then().statusCode(401);
    }

    @Test
    void aUseIsWrittenAsLastUsedAt() {
        String secret = token("ci-read", "read").getString("token");
        assertThat(as(RITA, RITA_PASSWORD).get("/api/tokens").jsonPath().getString("[0].lastUsedAt")).isNull();

        withToken(secret).get("/api/board").then().statusCode(200);

        as(RITA, RITA_PASSWORD).get("/api/tokens").then().body("[0].lastUsedAt", notNullValue());
    }

    @Test
    void aTokenCannotMakeTokensNorChangeItsOwnersPassword() {
        String secret = token("ci-write", "write").getString("token");

        withToken(secret).body(Map.of("name", "more", "scope", "write")).post("/api/tokens").then().statusCode(403);
        withToken(secret).body(Map.of("currentPassword", RITA_PASSWORD, "newPassword", "rita-new-password-678"))
                .put("/api/users/me/password").then().statusCode(403);
    }

    @Test
    void anAdminsWriteTokenReadsTheUsersButCannotCreateChangeOrDeleteOne() {
        String secret = asAdmin().body(Map.of("name", "ci-admin", "scope", "write")).post("/api/tokens").then()
                .statusCode(201).extract().jsonPath().getString("token");

        withToken(secret).get("/api/users").then().statusCode(200);
        withToken(secret).body(Map.of("username", "mallory", "password", "mallory-password-123", "role", "admin"))
                .post("/api/users").then().statusCode(403);
        withToken(secret).body(Map.of("newPassword", "admin-new-password-678")).put("/api/users/admin/password")
                .then().statusCode(403);
        withToken(secret).body(Map.of("role", "admin")).patch("/api/users/rita").then().statusCode(403);
        withToken(secret).delete("/api/users/rita").then().statusCode(403);
        asAdmin().get("/api/users").then().body("username", not(hasItem("mallory")))
                .body("find { it.username == 'rita' }.role", equalTo("editor"));
        // An instance import replaces every user: it is no way round.
        withToken(secret).contentType("application/json").body("{}").post("/api/admin/import").then().statusCode(403);
    }

    @Test
    void adminsListAndRevokeAnyonesTokensOthersOnlyTheirOwn() {
        long ritas = token("ci-read", "read").getLong("id");

        asEditor().get("/api/tokens?all=true").then().statusCode(403);
        asEditor().delete("/api/tokens/{id}", ritas).then().statusCode(404);
        asAdmin().get("/api/tokens?all=true").then().statusCode(200).body("username", hasItem(RITA));
        asAdmin().delete("/api/tokens/{id}", ritas).then().statusCode(204);
        assertThat(as(RITA, RITA_PASSWORD).get("/api/tokens").jsonPath().getList("")).isEmpty();
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
        "ci   | admin | ''                   | a scope that is not read or write | scope",
        "''   | read  | ''                   | no name                            | name",
        "ci   | read  | 2026-03-09T00:00:00Z | an expiry in the past              | expiresAt",
    })
    void aBadTokenRequestIs400NamingTheField(String name, String scope, String expiresAt, String why,
            String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("scope", scope);
        if (!expiresAt.isEmpty()) {
            body.put("expiresAt", expiresAt);
        }
        as(RITA, RITA_PASSWORD).body(body).post("/api/tokens").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void theAuditRecordsATokenWithoutItsSecret() {
        String secret = token("ci-read", "read").getString("token");

        String audit = asAdmin().get("/api/audit?action=token").asString();
        assertThat(audit).contains("token.created", "ci-read").doesNotContain(secret);
    }

    @Test
    void theLastAdminIsNotDemoted() {
        data.sql("delete from app_user where role = 'ADMIN' and username <> 'admin'");

        asAdmin().body(Map.of("role", "editor")).patch("/api/users/admin").then().statusCode(409);
        asAdmin().body(Map.of("role", "owner")).patch("/api/users/rita").then().statusCode(400)
                .body("errors.field", hasItem("role"));
    }

    @Test
    void theTokensPageMakesATokenShowsItOnceAndRevokesIt() {
        WebSession rita = WebSession.signIn(RITA, RITA_PASSWORD);

        Response made = rita.submit(rita.page("/account/tokens"), "form[action=/account/tokens]",
                Map.of("name", "laptop script", "scope", "write", "expiresOn", ""));
        assertThat(made.statusCode()).isEqualTo(201);
        String secret = Jsoup.parse(made.asString()).select("[data-testid=new-token]").text();
        assertThat(secret).startsWith("dbf_");
        withToken(secret).get("/api/board").then().statusCode(200);

        Document list = rita.page("/account/tokens");
        assertThat(list.select("[data-testid=token]").text()).contains("laptop script").doesNotContain(secret);
        Response revoked = rita.submit(list, "[data-testid=token] form", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(303);
        withToken(secret).get("/api/board").then().statusCode(401);
    }

    @Test
    void theTokensPageRefusesANamelessTokenBesideTheField() {
        WebSession rita = WebSession.signIn(RITA, RITA_PASSWORD);

        Response refused = rita.submit(rita.page("/account/tokens"), "form[action=/account/tokens]",
                Map.of("name", "", "scope", "read", "expiresOn", "someday"));

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select("[data-testid=error-name]").text()).isEqualTo("is required");
        assertThat(page.select("[data-testid=error-expiresOn]").text()).contains("date");
    }

    private static JsonPath token(String name, String scope) {
        return as(RITA, RITA_PASSWORD).body(Map.of("name", name, "scope", scope)).post("/api/tokens").then()
                .statusCode(201).extract().jsonPath();
    }

    private static JsonPath token(String name, String scope, String expiresAt) {
        return as(RITA, RITA_PASSWORD).body(Map.of("name", name, "scope", scope, "expiresAt", expiresAt))
                .post("/api/tokens").then().statusCode(201).extract().jsonPath();
    }
}
