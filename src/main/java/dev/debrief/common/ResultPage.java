package dev.debrief.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/** One page of a list (the post-mortems, the audit trail), with how many there are in all; {@code page} counts from 0. */
public record ResultPage<T>(List<T> items, long total, int page, int size) {

    /** The page {@code page} of {@code query}'s rows, each turned into what the caller shows. */
    public static <E, T> ResultPage<T> of(PanacheQuery<E> query, int page, int size, Function<? super E, T> shown) {
        long total = query.count();
        List<T> items = query.page(page, size).list().stream().<T>map(shown).toList();
        return new ResultPage<>(items, total, page, size);
    }
}
