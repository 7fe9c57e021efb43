package io.pbxctl.daemon.crud;

import io.pbxctl.daemon.system.FieldProblem;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;

/** Builders for the list filters a resource accepts as query parameters. */
public final class Filters {

    private Filters() {
    }

    /** Exact match on a text or enum-as-text attribute. */
    public static <E> Function<String, Specification<E>> equal(String attribute) {
        return value -> (root, query, cb) -> cb.equal(root.get(attribute).as(String.class), value);
    }

    /** Exact match on a numeric id attribute. */
    public static <E> Function<String, Specification<E>> id(String param, String attribute) {
        return value -> {
            long id;
            try {
                id = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new FieldProblem(param, "Format", "must be a number");
            }
            return (root, query, cb) -> cb.equal(root.get(attribute), id);
        };
    }

    /** Case-insensitive "contains" on a text attribute. */
    public static <E> Function<String, Specification<E>> contains(String attribute) {
        return value -> (root, query, cb) -> cb.like(cb.lower(root.get(attribute)), "%" + escapeLike(value.toLowerCase()) + "%", '\\');
    }

    /** Combines the requested filters; an unknown parameter is an error, not silently ignored. */
    static <E> Specification<E> build(Map<String, Function<String, Specification<E>>> known, Map<String, String> requested) {
        Specification<E> combined = Specification.where(null);
        for (Map.Entry<String, String> param : requested.entrySet()) {
            Function<String, Specification<E>> filter = known.get(param.getKey());
            if (filter == null) {
                throw new FieldProblem(param.getKey(), "Filter", "is not a filter of this list; known filters: " + String.join(", ", known.keySet()));
            }
            combined = combined.and(filter.apply(param.getValue()));
        }
        return combined;
    }

    /** Makes % and _ in a search term match themselves, with \\ as the escape character. */
    public static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
