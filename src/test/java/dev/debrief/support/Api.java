package dev.debrief.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Request specifications for the test users, one per role. */
public final class Api {

    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String EDITOR = "erin";
    public static final String VIEWER = "victor";
    public static final String USER_PASSWORD = "test-password-1";

    private Api() {
    }

    public static RequestSpecification asAdmin() {
        return as("admin", ADMIN_PASSWORD);
    }

    public static RequestSpecification asEditor() {
        return as(EDITOR, USER_PASSWORD);
    }

    public static RequestSpecification asViewer() {
        return as(VIEWER, USER_PASSWORD);
    }

    public static RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** A request carrying a personal API token instead of a password. */
    public static RequestSpecification withToken(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
