package dev.debrief.postmortem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The conditions of a JPQL query and their named parameters, narrowed by optional filters: a filter that is not
 * given (null, or a blank text) adds nothing. The post-mortem list and the queries of open work filter this way,
 * so "not given" means the same in both.
 */
final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** No condition yet: everything. */
    Where() {
    }

    /** The conditions every row must meet, with their parameters. */
    Where(String condition, Map<String, Object> values) {
        conditions.add(condition);
        params.putAll(values);
    }

    /** Adds {@code condition}, with {@code value} bound to {@code name}, when a value is given. */
    Where filter(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value);
        }
        return this;
    }

    /** Adds {@code condition} for a text that is not blank, bound stripped. */
    Where filterText(String condition, String name, String text) {
        return filterText(condition, name, text, UnaryOperator.identity());
    }

    /** Adds {@code condition} for a text that is not blank, bound stripped and then as {@code bound} turns it. */
    Where filterText(String condition, String name, String text, UnaryOperator<String> bound) {
        return filter(condition, name, text == null || text.isBlank() ? null : bound.apply(text.strip()));
    }

    /** The conditions joined by {@code and}; {@code 1 = 1} when there is none. */
    String conditions() {
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    Map<String, Object> params() {
        return Map.copyOf(params);
    }
}
