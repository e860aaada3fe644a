package dev.debrief.support;

import static dev.debrief.support.Api.asEditor;

import java.util.List;
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

    /** A complete draft with three ranked items; returns the ids of the post-mortem and its items 1, 2, 3. */
    public static List<Long> readyToPublish() {
        long id = create(PostMortemJson.complete());
        return List.of(id, addItem(id, PostMortemJson.item(1)), addItem(id, PostMortemJson.item(2)),
                addItem(id, PostMortemJson.item(3)));
    }

    public static List<Long> published() {
        List<Long> ids = readyToPublish();
        asEditor().post("/api/postmortems/{id}/publish", ids.get(0)).then().statusCode(200);
        return ids;
    }
}
