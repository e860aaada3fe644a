package dev.debrief.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A person using the pages: signs in through the login form, keeps the session and CSRF cookies, and
 * posts forms with the CSRF token of the page they came from, as a browser would.
 */
public final class WebSession {

    private final Map<String, String> cookies = new HashMap<>();

    private WebSession() {
    }

    public static WebSession signIn(String user, String password) {
        WebSession session = new WebSession();
        Response login = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", password)
                .post("/j_security_check");
        session.cookies.putAll(login.getCookies());
        assertThat(session.cookies).as("session cookie after signing in as " + user).containsKey("quarkus-credential");
        return session;
    }

    /** A session already signed in elsewhere (through single sign-on, say), holding these cookies. */
    public static WebSession withCookies(Map<String, String> cookies) {
        WebSession session = new WebSession();
        session.cookies.putAll(cookies);
        return session;
    }

    /** The cookies this session holds now, as a copy of them taken from the browser would be. */
    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    public static WebSession asEditor() {
        return signIn(Api.EDITOR, Api.USER_PASSWORD);
    }

    public static WebSession asViewer() {
        return signIn(Api.VIEWER, Api.USER_PASSWORD);
    }

    public Response get(String path) {
        Response response = given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies).get(path);
        cookies.putAll(response.getCookies());
        return response;
    }

    /** A GET as a browser sends it, asking for HTML first. */
    public Response browse(String path) {
        Response response = given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").get(path);
        cookies.putAll(response.getCookies());
        return response;
    }

    /** Status of a POST with the session cookies and no body and no Content-Type, as a forged request might send. */
    public int postWithoutBody(String path) throws Exception {
        String cookie = String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toList());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public Document page(String path) {
        Response response = get(path);
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return Jsoup.parse(response.asString());
    }

    /** Posts the file-upload form at {@code formSelector} as a browser would, with {@code content} as the chosen file. */
    public Response submitFile(Document page, String formSelector, String field, byte[] content) {
        return submitFile(page, formSelector, field, "debrief-export.json", "application/json", content, Map.of());
    }

    /** The same with the chosen file's name and type, and other fields (such as the button pressed). */
    public Response submitFile(Document page, String formSelector, String field, String fileName, String type,
            byte[] content, Map<String, String> fields) {
        Element form = page.selectFirst(formSelector);
        assertThat(form).as("form " + formSelector).isNotNull();
        var request = given().redirects().follow(false).cookies(cookies)
                .multiPart(field, fileName, content, type);
        fields.forEach(request::multiPart);
        for (Element hidden : form.select("input[type=hidden][name]")) {
            request.multiPart(hidden.attr("name"), hidden.val());
        }
        Response response = request.post(form.attr("action"));
        cookies.putAll(response.getCookies());
        return response;
    }

    /** Posts the form at {@code formSelector} on {@code page} as a browser would, with {@code fields} typed over it. */
    public Response submit(Document page, String formSelector, Map<String, ?> fields) {
        Element form = page.selectFirst(formSelector);
        assertThat(form).as("form " + formSelector).isNotNull();
        var request = given().redirects().follow(false).cookies(cookies)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        Map<String, List<Object>> params = new LinkedHashMap<>();
        for (Element control : form.select("input[name], textarea[name], select[name]")) {
            String type = control.attr("type");
            if (type.equals("submit") || type.equals("button")
                    || ((type.equals("checkbox") || type.equals("radio")) && !control.hasAttr("checked"))) {
                continue;
            }
            String value = switch (control.tagName()) {
                case "textarea" -> control.wholeText();
                case "select" -> {
                    Element selected = control.selectFirst("option[selected]");
                    yield selected == null ? "" : selected.val();
                }
                default -> control.val();
            };
            params.computeIfAbsent(control.attr("name"), name -> new ArrayList<>()).add(value);
        }
        fields.forEach((name, value) -> {
            List<Object> values = new ArrayList<>();
            if (value instanceof Iterable<?> many) {
                many.forEach(values::add);
            } else {
                values.add(value);
            }
            params.put(name, values);
        });
        params.forEach((name, values) -> values.forEach(v -> request.formParam(name, v)));
        Response response = request.post(form.attr("action"));
        cookies.putAll(response.getCookies());
        return response;
    }
}
