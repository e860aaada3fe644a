package dev.debrief.postmortem;

import static dev.debrief.support.Api.asEditor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.debrief.support.MutableClock;
import dev.debrief.support.PostMortemJson;
import dev.debrief.support.Scenarios;
import dev.debrief.support.TestData;
import dev.debrief.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writing pages, read the way a person sees them: by their labels, markers and redirects. */
@QuarkusTest
class PostMortemPagesTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void theListAndTheFormOfferEveryStatusAndKindWithItsLabel() {
        WebSession editor = WebSession.asEditor();
        Document list = editor.page("/postmortems?status=PUBLISHED");
        assertThat(list.select("#status option").eachAttr("value")).containsExactly("", "DRAFT", "PUBLISHED");
        assertThat(list.select("#status option[selected]").text()).isEqualTo("Published");

        Document form = editor.page("/postmortems/new");
        assertThat(form.select("#item1-kind option").eachAttr("value"))
                .containsExactly("", "DETECTION", "RESPONSE", "PREVENTION");
        assertThat(form.select("#item1-kind option").eachText()).containsExactly("Choose…",
                "Detection: find it sooner", "Response: fix it faster", "Prevention: stop it happening");
    }

    @Test
    void anonymousVisitorIsSentToTheLoginForm() {
        Response home = given().redirects().follow(false).get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.header("Location")).endsWith("/login");
        Document login = Jsoup.parse(given().get("/login").asString());
        assertThat(login.select("label[for=j_username]").text()).isEqualTo("User name");
        assertThat(login.select("input[type=password][name=j_password]")).hasSize(1);
    }

    @Test
    void wrongPasswordShowsTheLoginErrorAndNoSession() {
        Response login = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "erin").formParam("j_password", "wrong-password")
                .post("/j_security_check");
        assertThat(login.header("Location")).contains("/login?error");
        assertThat(login.getCookies()).doesNotContainKey("quarkus-credential");
        Document page = Jsoup.parse(given().get("/login?error=true").asString());
        assertThat(page.select("[data-testid=login-error]")).hasSize(1);
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax() {
        Response login = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "erin").formParam("j_password", "test-password-1")
                .post("/j_security_check");
        String cookie = login.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("quarkus-credential=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void homeShowsEachDraftWithItsClockMostUrgentFirst() {
        Scenarios.create(PostMortemJson.complete().with("title", "Due tomorrow"));
        Scenarios.create(PostMortemJson.complete().with("title", "Overdue one")
                .with("startedAt", "2026-03-07T09:00:00Z").with("detectedAt", "2026-03-07T09:10:00Z")
                .with("resolvedAt", "2026-03-07T10:00:00Z"));
        Scenarios.create(PostMortemJson.minimal().with("title", "Still burning"));

        Document home = WebSession.asViewer().page("/");

        List<String> titles = home.select("[data-testid=due-row] a").eachText();
        assertThat(titles).containsExactly("Overdue one", "Due tomorrow", "Still burning");
        List<Element> clocks = home.select("[data-testid=due-row] [data-testid=clock]");
        assertThat(clocks.get(0).text()).isEqualTo("overdue by 26 h");
        assertThat(clocks.get(0).hasClass("overdue")).isTrue();
        assertThat(clocks.get(1).text()).isEqualTo("43 h 50 min left");
        assertThat(clocks.get(1).hasClass("ok")).isTrue();
        assertThat(clocks.get(2).text()).isEqualTo("clock starts at resolution");
        assertThat(home.select("[data-testid=count-overdue]").text()).isEqualTo("1");
        assertThat(home.select("[data-testid=count-due]").text()).isEqualTo("3");
    }

    @Test
    void clockTurnsAmberInTheLastDay() {
        Scenarios.create(PostMortemJson.complete());
        clock.set(MutableClock.DEFAULT_NOW.plus(Duration.ofHours(30)));
        Element clockBadge = WebSession.asViewer().page("/").selectFirst("[data-testid=clock]");
        assertThat(clockBadge.text()).isEqualTo("13 h 50 min left");
        assertThat(clockBadge.hasClass("soon")).isTrue();
    }

    @Test
    void newFormLabelsEveryFieldWithItsNameOrAgendaQuestion() {
        Document form = WebSession.asEditor().page("/postmortems/new");
        for (Element input : form.select("form.write input:not([type=hidden]), form.write select, form.write textarea")) {
            assertThat(form.select("label[for=" + input.id() + "]")).as("label for " + input.id()).hasSize(1);
        }
        assertThat(form.select("label").eachText()).contains("Title", "Severity", "What happened?",
                "Why did our detection fail?", "Why did our response fail?", "What do we change?",
                "Action 1 owner", "Action 3 due date");
        assertThat(form.select("[data-testid^=slot-]")).hasSize(3);
        assertThat(form.select("#whyDetectionFailed-prompt").text()).contains("Which signal was missing");
    }

    @Test
    void savingANewPostMortemRedirectsToItsPage() {
        WebSession editor = WebSession.asEditor();
        Document form = editor.page("/postmortems/new");
        Response saved = editor.submit(form, "form.write", Map.ofEntries(
                Map.entry("title", "Login outage"), Map.entry("severity", "SEV1"), Map.entry("services", "auth, web"),
                Map.entry("startedAt", "2026-03-10T08:00"), Map.entry("detectedAt", "2026-03-10T08:20"),
                Map.entry("resolvedAt", "2026-03-10T09:00"),
                Map.entry("whatHappened", "The **session store** filled up."),
                Map.entry("itemTitle", List.of("Alert on store usage", "", "")),
                Map.entry("itemOwner", List.of("team-auth", "", "")),
                Map.entry("itemDueDate", List.of("2026-03-20", "", "")),
                Map.entry("itemKind", List.of("DETECTION", "", ""))));
        assertThat(saved.statusCode()).isEqualTo(303);
        String location = saved.header("Location");
        assertThat(location).contains("/postmortems/");

        Document page = editor.page(location.substring(location.indexOf("/postmortems/")));
        assertThat(page.select("[data-testid=title]").text()).isEqualTo("Login outage");
        assertThat(page.select("[data-testid=section-whatHappened] strong").text()).isEqualTo("session store");
        assertThat(page.select("[data-testid=time-to-detect]").text()).isEqualTo("time to detect 20 min");
        assertThat(page.select("[data-testid=action-item]")).hasSize(1);
        assertThat(page.select("[data-testid=missing-actionItems]")).hasSize(1);
    }

    @Test
    void invalidFormComesBackWithErrorsBesideFieldsAndEverythingTypedKept() {
        WebSession editor = WebSession.asEditor();
        Document form = editor.page("/postmortems/new");
        Response refused = editor.submit(form, "form.write", Map.of(
                "title", "", "severity", "SEV2", "startedAt", "2026-03-10T08:00",
                "detectedAt", "2026-03-10T07:00",
                "whatHappened", "A long careful description we must not lose.",
                "itemTitle", List.of("Keep this item", "", ""),
                "itemOwner", List.of("", "", ""), "itemDueDate", List.of("", "", ""),
                "itemKind", List.of("", "", "")));
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select("[data-testid=error-title]").text()).isEqualTo("is required");
        assertThat(page.select("[data-testid='error-items[0].kind']").text()).isEqualTo("is required");
        assertThat(page.select("#whatHappened").text()).isEqualTo("A long careful description we must not lose.");
        assertThat(page.select("#item1-title").val()).isEqualTo("Keep this item");
        assertThat(page.select("#detectedAt").val()).isEqualTo("2026-03-10T07:00");
    }

    /** Each refused box says so to assistive technology, and the summary links to it under its label. */
    @Test
    void refusedFieldsAreMarkedInvalidAndTheSummaryLinksToThem() {
        WebSession editor = WebSession.asEditor();
        Response refused = editor.submit(editor.page("/postmortems/new"), "form.write", Map.of(
                "title", "", "severity", "SEV2", "startedAt", "2026-03-10T08:00",
                "itemTitle", List.of("Keep this item", "", ""), "itemOwner", List.of("", "", ""),
                "itemDueDate", List.of("", "", ""), "itemKind", List.of("", "", "")));

        Document page = Jsoup.parse(refused.asString());
        Element title = page.selectFirst("#title");
        assertThat(title.attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById(title.attr("aria-describedby")).text()).isEqualTo("is required");
        assertThat(page.selectFirst("#item1-kind").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#severity").hasAttr("aria-invalid")).isFalse();
        assertThat(page.select("[data-testid=has-errors] li").eachText())
                .contains("Title: is required", "Action 1 kind: is required");
        for (Element link : page.select("[data-testid=has-errors] li a")) {
            assertThat(page.getElementById(link.attr("href").substring(1))).as(link.text()).isNotNull();
        }
    }

    @Test
    void anOverLongEntryInAListBoxIsShownBesideThatBox() {
        WebSession editor = WebSession.asEditor();
        Response refused = editor.submit(editor.page("/postmortems/new"), "form.write", Map.of(
                "title", "Long service", "severity", "SEV3", "startedAt", "2026-03-10T08:00",
                "services", "checkout, " + "s".repeat(101)));
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select("[data-testid=error-services]").text()).contains("at most 100 characters");
        assertThat(page.select("[data-testid=has-errors] li").eachText())
                .containsExactly("Services: must be at most 100 characters long (it has 101)");
    }

    @Test
    void aRuleRefusedByTheDomainIsShownBesideItsField() {
        WebSession editor = WebSession.asEditor();
        Response refused = editor.submit(editor.page("/postmortems/new"), "form.write", Map.of(
                "title", "Backwards", "severity", "SEV2", "startedAt", "2026-03-10T08:00",
                "detectedAt", "2026-03-10T07:00", "whatHappened", "kept"));
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.select("[data-testid=error-detectedAt]").text()).startsWith("must not be before startedAt");
        assertThat(page.select("#whatHappened").text()).isEqualTo("kept");
        assertThat(asEditor().get("/api/postmortems")
                .jsonPath().getInt("total")).isZero();
    }

    @Test
    void savingTheEditPageChangesOnlyWhatThePersonChanged() {
        long id = Scenarios.create(PostMortemJson.complete()
                .with("detectedAt", PostMortemJson.STARTED.plus(Duration.ofMinutes(15)).plusSeconds(30)
                        .plusNanos(123_456_000).toString())
                .with("attendees", List.of("Doe, Jane", "Lee"))
                .with("whatHappened", "A config push\ndisabled the payment connection pool.")
                .with("timeline", List.of(Map.of("at", PostMortemJson.STARTED.plusSeconds(42).toString(),
                        "event", "config pushed"))));
        Map<String, Object> before = asEditor().get("/api/postmortems/" + id).jsonPath().getMap("");
        WebSession editor = WebSession.asEditor();
        Document form = editor.page("/postmortems/" + id + "/edit");

        // The form shows times to the minute and the attendees joined with commas; a browser sends line ends as CR LF.
        Response saved = editor.submit(form, "form.write", Map.of("summary", "Checkout failed for 51 minutes.",
                "whatHappened", "A config push\r\ndisabled the payment connection pool."));

        assertThat(saved.statusCode()).isEqualTo(303);
        Map<String, Object> after = asEditor().get("/api/postmortems/" + id).jsonPath().getMap("");
        assertThat(after.get("summary")).isEqualTo("Checkout failed for 51 minutes.");
        for (String unchanged : List.of("startedAt", "detectedAt", "resolvedAt", "attendees", "services",
                "whatHappened", "timeline", "considered", "factors")) {
            assertThat(after.get(unchanged)).as(unchanged).isEqualTo(before.get(unchanged));
        }
        List<String> changed = asEditor().get("/api/postmortems/" + id + "/history").jsonPath()
                .getList("[0].changes.field");
        assertThat(changed).containsExactly("summary");
    }

    @Test
    void aTimeChangedOnTheEditPageIsTakenToTheMinute() {
        long id = Scenarios.create(PostMortemJson.complete()
                .with("detectedAt", PostMortemJson.STARTED.plus(Duration.ofMinutes(15)).plusSeconds(30).toString()));
        WebSession editor = WebSession.asEditor();
        Document form = editor.page("/postmortems/" + id + "/edit");
        assertThat(form.select("#detectedAt").val()).isEqualTo("2026-03-10T07:15");

        editor.submit(form, "form.write", Map.of("detectedAt", "2026-03-10T07:16"));

        assertThat(asEditor().get("/api/postmortems/" + id).jsonPath().getString("detectedAt"))
                .isEqualTo("2026-03-10T07:16:00Z");
    }

    @Test
    void staleEditShowsTheConflictWithTheirTextBesideYoursAndOverwritesNothing() {
        long id = Scenarios.create(PostMortemJson.complete());
        WebSession alice = WebSession.asEditor();
        WebSession bob = WebSession.asEditor();
        Document aliceForm = alice.page("/postmortems/" + id + "/edit");
        Document bobForm = bob.page("/postmortems/" + id + "/edit");

        assertThat(bob.submit(bobForm, "form.write", Map.of("whatHappened", "Bob's version")).statusCode())
                .isEqualTo(303);
        Response conflict = alice.submit(aliceForm, "form.write", Map.of("whatHappened", "Alice's version"));

        assertThat(conflict.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(conflict.asString());
        assertThat(page.select("[data-testid=conflict]")).hasSize(1);
        assertThat(page.select("#whatHappened").text()).isEqualTo("Alice's version");
        assertThat(page.select("[data-testid=theirs-whatHappened] pre").text()).isEqualTo("Bob's version");
        assertThat(asEditor().get("/api/postmortems/" + id)
                .jsonPath().getString("whatHappened")).isEqualTo("Bob's version");

        Response merged = alice.submit(page, "form.write", Map.of("whatHappened", "Alice and Bob"));
        assertThat(merged.statusCode()).isEqualTo(303);
    }

    @Test
    void anItemDeletedWhileTheFormWasOpenIsAConflictNotBroughtBackUnseen() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        WebSession alice = WebSession.asEditor();
        Document aliceForm = alice.page("/postmortems/" + pm.postmortem() + "/edit");
        asEditor().delete("/api/postmortems/{id}/action-items/{item}", pm.postmortem(), pm.third())
                .then().statusCode(204);

        Response conflict = alice.submit(aliceForm, "form.write", Map.of("summary", "Alice's summary"));

        assertThat(conflict.statusCode()).isEqualTo(409);
        Document page = Jsoup.parse(conflict.asString());
        assertThat(page.select("[data-testid=conflict]").text()).contains("An action item in your form was changed"
                + " or deleted by someone else.");
        assertThat(asEditor().get("/api/postmortems/{id}", pm.postmortem()).jsonPath()
                .getList("actionItems.id", Long.class)).containsExactly(pm.first(), pm.second());

        // Saving the conflict page again keeps what the form holds, knowingly: the item comes back as a new one.
        assertThat(alice.submit(page, "form.write", Map.of()).statusCode()).isEqualTo(303);
        List<Long> items = asEditor().get("/api/postmortems/{id}", pm.postmortem()).jsonPath()
                .getList("actionItems.id", Long.class);
        assertThat(items).hasSize(3).startsWith(pm.first(), pm.second()).doesNotContain(pm.third());
    }

    @Test
    void aFormOpenWhileSomeoneReRankedTheItemsSavesAndKeepsTheirOrder() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        WebSession alice = WebSession.asEditor();
        Document aliceForm = alice.page("/postmortems/" + pm.postmortem() + "/edit");
        asEditor().body(Map.of("order", List.of(pm.third(), pm.first(), pm.second())))
                .put("/api/postmortems/{id}/action-items/order", pm.postmortem()).then().statusCode(200);

        Response saved = alice.submit(aliceForm, "form.write", Map.of("summary", "Alice's summary"));

        assertThat(saved.statusCode()).isEqualTo(303);
        var stored = asEditor().get("/api/postmortems/{id}", pm.postmortem()).jsonPath();
        assertThat(stored.getString("summary")).isEqualTo("Alice's summary");
        assertThat(stored.getList("actionItems.id", Long.class)).containsExactly(pm.third(), pm.first(), pm.second());
    }

    @Test
    void clearingASlotWhoseItemSomeoneEditedSinceIsAConflictAndTheirEditStays() {
        Scenarios.Ranked pm = Scenarios.readyToPublish();
        WebSession alice = WebSession.asEditor();
        Document aliceForm = alice.page("/postmortems/" + pm.postmortem() + "/edit");
        Map<String, Object> item = new HashMap<>(asEditor().get("/api/postmortems/{id}", pm.postmortem()).jsonPath()
                .getMap("actionItems.find { it.id == " + pm.third() + " }"));
        item.put("owner", "bob");
        asEditor().body(item).put("/api/postmortems/{id}/action-items/{item}", pm.postmortem(), pm.third())
                .then().statusCode(200);
        aliceForm.select("#item3-title, #item3-owner, #item3-due").val("");

        Response conflict = alice.submit(aliceForm, "form.write", Map.of());

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(asEditor().get("/api/postmortems/{id}", pm.postmortem()).jsonPath()
                .getString("actionItems.find { it.id == " + pm.third() + " }.owner")).isEqualTo("bob");
    }

    @Test
    void aConflictListsTheOtherFieldsTheySavedSoNoneIsUndoneUnseen() {
        long id = Scenarios.create(PostMortemJson.complete().without("resolvedAt"));
        WebSession alice = WebSession.asEditor();
        Document aliceForm = alice.page("/postmortems/" + id + "/edit");
        Map<String, Object> bobs = asEditor().get("/api/postmortems/" + id).jsonPath().getMap("");
        bobs.put("resolvedAt", PostMortemJson.STARTED.plus(Duration.ofMinutes(50)).toString());
        bobs.put("services", List.of("checkout", "payments", "ledger"));
        asEditor().body(bobs).put("/api/postmortems/" + id).then().statusCode(200);

        Response conflict = alice.submit(aliceForm, "form.write", Map.of("summary", "Alice's summary"));

        assertThat(conflict.statusCode()).isEqualTo(409);
        List<String> listed = Jsoup.parse(conflict.asString()).select("[data-testid=their-other-fields] li")
                .eachText();
        assertThat(listed).containsExactly("Services: they saved checkout, payments, ledger",
                "Resolved: they saved 2026-03-10 07:50");
    }

    @Test
    void publishShowsTheChecklistUntilCompleteThenPublishes() {
        long id = Scenarios.create(PostMortemJson.complete());
        WebSession editor = WebSession.asEditor();
        Document page = editor.page("/postmortems/" + id);
        assertThat(page.select("[data-testid=missing-actionItems]").text()).contains("exactly three action items");

        Response refused = editor.submit(page, "[data-testid=checklist] form", Map.of());
        assertThat(refused.header("Location")).endsWith("/postmortems/" + id + "?notice=not-ready");

        for (int rank = 1; rank <= 3; rank++) {
            Scenarios.addItem(id, PostMortemJson.item(rank));
        }
        page = editor.page("/postmortems/" + id);
        assertThat(page.select("[data-testid=ready]")).hasSize(1);
        Response published = editor.submit(page, "[data-testid=checklist] form", Map.of());
        assertThat(published.header("Location")).endsWith("?notice=published");
        assertThat(editor.page("/postmortems/" + id).select("[data-testid=status]").text()).startsWith("Published");
    }

    @Test
    void formPostWithoutTheCsrfTokenIsRefused() {
        WebSession editor = WebSession.asEditor();
        Document form = editor.page("/postmortems/new");
        Response forged = editor.submit(form, "form.write", Map.of("csrf-token", "forged", "title", "Forged",
                "severity", "SEV3", "startedAt", "2026-03-10T08:00"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(asEditor().get("/api/postmortems")
                .jsonPath().getInt("total")).isZero();
    }

    @Test
    void pagesRefuseAPostThatIsNotAFormSoTheCsrfCheckCannotBeSkipped() throws Exception {
        long id = Scenarios.readyToPublish().postmortem();
        WebSession editor = WebSession.asEditor();
        editor.page("/postmortems/" + id);
        assertThat(editor.postWithoutBody("/postmortems/" + id + "/publish")).isEqualTo(415);
        assertThat(asEditor().get("/api/postmortems/" + id)
                .jsonPath().getString("status")).isEqualTo("DRAFT");
    }

    @Test
    void viewerReadsPagesButCannotSave() {
        long id = Scenarios.create(PostMortemJson.complete());
        WebSession viewer = WebSession.asViewer();
        Document page = viewer.page("/postmortems/" + id);
        assertThat(page.select("[data-testid=edit]")).isEmpty();
        assertThat(page.select("[data-testid=publish]")).isEmpty();
        Document form = WebSession.asEditor().page("/postmortems/" + id + "/edit");
        assertThat(viewer.submit(form, "form.write", Map.of("whatHappened", "viewer text")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void blamelessWarningsAppearOnThePageWithoutBlockingIt() {
        long id = Scenarios.create(PostMortemJson.complete()
                .with("attendees", List.of("Dana"))
                .with("whyResponseFailed", "Dana forgot the runbook. It was human error."));
        Document page = WebSession.asViewer().page("/postmortems/" + id);
        assertThat(page.select("[data-testid=blameless-hit]").eachText())
                .anySatisfy(hit -> assertThat(hit).contains("dana forgot"))
                .anySatisfy(hit -> assertThat(hit).contains("human error"));
    }

    /** Script payloads typed into any field, as an attacker with an editor account might. */
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=\"alert(2)\">";
    static final String LINK = "[click](javascript:alert(3))";

    static long storeScriptPayloads() {
        String all = SCRIPT + " " + IMG + "\n\n" + LINK + " <a href=\"javascript:alert(4)\">raw</a>";
        long id = Scenarios.create(PostMortemJson.complete()
                .with("title", "Payload " + SCRIPT)
                .with("services", List.of(SCRIPT))
                .with("attendees", List.of(IMG))
                .with("summary", all).with("impact", all).with("whatHappened", all)
                .with("whyDetectionFailed", all).with("whyResponseFailed", all).with("whatWeChange", all)
                .with("timeline", List.of(Map.of("at", "2026-03-10T08:00:00Z", "event", all.replace("\n", " "))))
                .with("considered", List.of(IMG)));
        Map<String, Object> item = PostMortemJson.item(1);
        item.put("title", SCRIPT);
        item.put("owner", IMG);
        Scenarios.addItem(id, item);
        return id;
    }

    @Test
    void storedScriptPayloadsAreInertOnEveryPage() {
        long id = storeScriptPayloads();
        WebSession viewer = WebSession.asEditor();
        for (String path : List.of("/", "/postmortems", "/postmortems?q=payload", "/postmortems/" + id,
                "/postmortems/" + id + "/edit")) {
            String html = viewer.get(path).asString();
            Document page = Jsoup.parse(html);
            assertThat(page.select("script")).as("script elements on " + path).isEmpty();
            assertThat(page.select("[onerror], [onload], [onclick]")).as("event handlers on " + path).isEmpty();
            assertThat(page.select("a[href]").eachAttr("href"))
                    .as("links on " + path).noneMatch(href -> href.strip().toLowerCase().startsWith("javascript:"));
            assertThat(html).as("raw payload on " + path).doesNotContain(SCRIPT).doesNotContain("<img src=x");
        }
        Document page = viewer.page("/postmortems/" + id);
        assertThat(page.select("[data-testid=title]").text()).isEqualTo("Payload " + SCRIPT);
    }

    @Test
    void listFiltersAndLinksToEachPostMortem() {
        Scenarios.create(PostMortemJson.complete().with("title", "Payments down"));
        Scenarios.create(PostMortemJson.minimal().with("title", "Search slow").with("severity", "SEV4"));
        Document list = WebSession.asViewer().page("/postmortems?severity=SEV4");
        assertThat(list.select("[data-testid=result-row] a").eachText()).containsExactly("Search slow");
        assertThat(list.select("[data-testid=total]").text()).isEqualTo("1 post-mortem");
    }

    @Test
    void markdownDownloadIsAnAttachment() {
        long id = Scenarios.create(PostMortemJson.complete());
        Response download = WebSession.asViewer().get("/postmortems/" + id + ".md");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("text/markdown");
        assertThat(download.header("Content-Disposition")).contains("attachment");
        assertThat(download.asString()).startsWith("# Checkout returned 500s");
    }

    @Test
    void signingOutEndsTheSession() {
        WebSession editor = WebSession.asEditor();
        Document home = editor.page("/");
        Response out = editor.submit(home, "form.signout", Map.of());
        assertThat(out.header("Location")).endsWith("/login");
        assertThat(editor.get("/").statusCode()).isEqualTo(302);
    }
}
