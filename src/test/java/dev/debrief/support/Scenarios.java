package dev.debrief.support;

import static dev.debrief.support.Api.asEditor;

import java.util.Map;

/** Short paths to the states most tests start from, through the public API. */
public final class Scenarios {

    private Scenarios() {
    }

    public static long create(PostMortemJson json) {
        return asEditor().body(json.build()).post("/api/postmortems")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long addItem(long postmortemId, Map<String, Object> item) {
        return asEditor().body(item).post("/api/postmortems/{id}/action-items", postmortemId)
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The ids of a post-mortem and of its action items ranked 1, 2 and 3. */
    public record Ranked(long postmortem, long first, long second, long third) {
    }

    /** A complete draft with three ranked items. */
    public static Ranked readyToPublish() {
        long id = create(PostMortemJson.complete());
        return new Ranked(id, addItem(id, PostMortemJson.item(1)), addItem(id, PostMortemJson.item(2)),
                addItem(id, PostMortemJson.item(3)));
    }

    /** A published post-mortem with its three ranked items. */
    public static Ranked published() {
        Ranked ids = readyToPublish();
        asEditor().post("/api/postmortems/{id}/publish", ids.postmortem()).then().statusCode(200);
        return ids;
    }
}
