package dev.debrief.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The embedded default, where no operator configured a provider: local users only, and nothing of the provider. */
@QuarkusTest
class SingleSignOnOffTest {

    @Test
    void theLoginPageOffersNoProvider() {
        assertThat(Jsoup.parse(given().get("/login").asString()).select("[data-testid=sso-sign-in]")).isEmpty();
    }

    @Test
    void theProvidersPathStartsNoSession() {
        Response response = given().redirects().follow(false).get("/login/oidc");

        assertThat(response.statusCode()).isBetween(300, 499);
        assertThat(response.getCookies()).doesNotContainKey("quarkus-credential");
    }

    @Test
    void aBearerTokenThatIsNoPersonalTokenIs401WithAProblem() {
        Api.withToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.bm90LXNpZ25lZA").get("/api/postmortems").then()
                .statusCode(401).contentType("application/problem+json");
    }
}
