package dev.debrief.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The conditions of a JPQL query and their named parameters, narrowed by optional filters: a filter that is not
 * given (null, or a blank text) adds nothing. The post-mortem list, the queries of open work and the audit trail
 * filter this way, so "not given" means the same in all of them.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** No condition yet: everything. */
    public Where() {
    }

    /** The conditions every row must meet, with their parameters. */
    public Where(String condition, Map<String, Object> values) {
        conditions.add(condition);
        params.putAll(values);
    }

    /** Adds {@code condition}, with {@code value} bound to {@code name}, when a value is given. */
    public Where filter(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value);
        }
        return this;
    }

    /** Adds {@code condition} for a text that is not blank, bound stripped. */
    public Where filterText(String condition, String name, String text) {
        return filterText(condition, name, text, UnaryOperator.identity());
    }

    /** Adds {@code condition} for a text that is not blank, bound stripped and then as {@code bound} turns it. */
    public Where filterText(String condition, String name, String text, UnaryOperator<String> bound) {
        return filter(condition, name, text == null || text.isBlank() ? null : bound.apply(text.strip()));
    }

    /** The conditions joined by {@code and}; {@code 1 = 1} when there is none. */
    public String conditions() {
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    public Map<String, Object> params() {
        return Map.copyOf(params);
    }
}
