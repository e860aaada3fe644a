package dev.debrief.common;

import jakarta.persistence.Query;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The values of an HQL {@code in (...)} as numbered parameters, {@code (:ids0, :ids1, ...)}. Hibernate translates a
 * query that binds a list parameter anew at every call: it keeps no plan for one, and the board spent two fifths of
 * its time there. With numbered parameters each count of values is a query text of its own, translated once and
 * then cached. The count is rounded up to its three leading binary digits (..., 8, 10, 12, 14, 16, 20, 24, 28, 32,
 * 40, ...), the last value repeated to fill it: at most a quarter more parameters to bind, and four texts per
 * doubling of the count (docs/performance.md).
 */
public final class InList {

    private final String name;
    private final List<?> values;
    private final int slots;

    /**
     * {@code values} must not be empty: {@code in ()} is not SQL, and a query that can match nothing should not
     * run.
     */
    public InList(String name, Collection<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values for in (:" + name + "...): skip the query instead");
        }
        this.name = name;
        this.values = List.copyOf(values);
        this.slots = slotsFor(this.values.size());
    }

    /** {@code size} rounded up to its three leading binary digits. */
    static int slotsFor(int size) {
        int step = Math.max(1, Integer.highestOneBit(size) / 4);
        return (size + step - 1) / step * step;
    }

    /** The parenthesised list of parameters to put after {@code in}. */
    public String hql() {
        return IntStream.range(0, slots).mapToObj(i -> ":" + name + i).collect(Collectors.joining(", ", "(", ")"));
    }

    /** Binds every parameter of {@link #hql()}; returns {@code query}. */
    public <Q extends Query> Q bind(Q query) {
        for (int i = 0; i < slots; i++) {
            query.setParameter(name + i, values.get(Math.min(i, values.size() - 1)));
        }
        return query;
    }

    /** How many parameters {@link #hql()} names. */
    int slots() {
        return slots;
    }
}
