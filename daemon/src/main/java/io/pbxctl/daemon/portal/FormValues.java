package io.pbxctl.daemon.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a form shows in its fields: the stored object's values, or after a refused submission
 * exactly what the person typed (even what could not be converted), so that nothing is lost.
 */
public final class FormValues {

    private final Map<String, List<String>> values = new HashMap<>();

    private FormValues() {
    }

    public static FormValues submitted(HttpServletRequest request) {
        FormValues form = new FormValues();
        request.getParameterMap().forEach((name, given) -> form.values.put(name, List.of(given)));
        return form;
    }

    public static FormValues stored() {
        return new FormValues();
    }

    /** Sets a field from a stored value: null as empty, a collection as several values. */
    public FormValues with(String field, Object value) {
        if (value instanceof Collection<?> many) {
            values.put(field, many.stream().map(String::valueOf).toList());
        } else {
            values.put(field, value == null ? List.of() : List.of(String.valueOf(value)));
        }
        return this;
    }

    public String get(String field) {
        List<String> given = values.get(field);
        return given == null || given.isEmpty() ? "" : given.get(0);
    }

    public boolean contains(String field, Object value) {
        return values.getOrDefault(field, List.of()).contains(String.valueOf(value));
    }
}
