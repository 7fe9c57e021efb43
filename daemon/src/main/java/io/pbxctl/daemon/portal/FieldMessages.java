package io.pbxctl.daemon.portal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The translated refusals of one submitted form, by field. A template shows each next to its
 * field and ends the form with {@link #rest()}, which holds whatever no field of the page
 * claimed, so no refusal is ever lost from view.
 */
public final class FieldMessages {

    private final Map<String, List<String>> byField = new LinkedHashMap<>();
    private final Set<String> claimed = new HashSet<>();

    void add(String field, String message) {
        byField.computeIfAbsent(field == null ? "" : field, f -> new ArrayList<>()).add(message);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        claimed.add(field);
        return byField.containsKey(field);
    }

    public List<String> of(String field) {
        claimed.add(field);
        return byField.getOrDefault(field, List.of());
    }

    public List<String> rest() {
        List<String> rest = new ArrayList<>();
        byField.forEach((field, messages) -> {
            if (!claimed.contains(field)) {
                rest.addAll(messages);
            }
        });
        return rest;
    }
}
