package io.pbxctl.daemon.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated dialplan file as Asterisk's pbx_config reads it: contexts, each with its extensions
 * and priorities, and everything else a context holds (includes, global settings) kept as lines.
 * It reads only the shapes our templates write ({@link RenderedFileCheck} has already refused
 * anything else) and resolves {@code same =>} and {@code n} the way pbx_config does, so that two
 * versions of the file can be compared extension by extension ({@link DialplanDelta}).
 */
record Dialplan(Map<String, Context> contexts) {

    /** One context: its non-extension lines in file order, and its extensions in file order. */
    record Context(List<String> directives, Map<String, List<Priority>> extensions) {
    }

    /**
     * One priority of an extension: {@code hint} or a number, an optional label, the application
     * and its data, split as pbx_config splits {@code App(data)}.
     */
    record Priority(String priority, String label, String application, String data) {

        boolean hint() {
            return "hint".equals(priority);
        }
    }

    static Dialplan parse(String text) {
        Map<String, Context> contexts = new LinkedHashMap<>();
        Context current = null;
        String lastExtension = null;
        int lastPriority = 0;
        int lineNumber = 0;
        for (String raw : text.split("\n", -1)) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                String name = line.substring(1, line.indexOf(']'));
                current = contexts.computeIfAbsent(name, key -> new Context(new ArrayList<>(), new LinkedHashMap<>()));
                lastExtension = null;
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException("line " + lineNumber + " is outside any context");
            }
            int equals = line.indexOf('=');
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1);
            if (value.startsWith(">")) {
                value = value.substring(1);
            }
            value = value.strip();
            if (key.equals("exten") || key.equals("same")) {
                String extension;
                String rest;
                if (key.equals("exten")) {
                    int comma = value.indexOf(',');
                    extension = value.substring(0, comma);
                    rest = value.substring(comma + 1);
                    lastExtension = extension;
                } else {
                    if (lastExtension == null) {
                        throw new IllegalArgumentException("line " + lineNumber + ": 'same' without an extension before it");
                    }
                    extension = lastExtension;
                    rest = value;
                }
                int comma = rest.indexOf(',');
                String priority = comma < 0 ? rest : rest.substring(0, comma);
                String application = comma < 0 ? "" : rest.substring(comma + 1);
                String label = null;
                int open = priority.indexOf('(');
                if (open >= 0) {
                    label = priority.substring(open + 1, priority.indexOf(')', open));
                    priority = priority.substring(0, open);
                }
                if (priority.equals("n")) {
                    lastPriority++;
                } else if (!priority.equals("hint")) {
                    lastPriority = Integer.parseInt(priority);
                }
                String resolved = priority.equals("hint") ? "hint" : Integer.toString(lastPriority);
                current.extensions().computeIfAbsent(extension, name -> new ArrayList<>())
                        .add(split(resolved, label, application));
            } else {
                current.directives().add(key + " => " + value);
            }
        }
        return new Dialplan(contexts);
    }

    /** pbx_config's split: the application up to the first '(', the data up to the last ')'. */
    private static Priority split(String priority, String label, String application) {
        int open = application.indexOf('(');
        if (open < 0 || priority.equals("hint")) {
            return new Priority(priority, label, application.strip(), "");
        }
        int close = application.lastIndexOf(')');
        String data = close > open ? application.substring(open + 1, close) : application.substring(open + 1);
        return new Priority(priority, label, application.substring(0, open).strip(), data);
    }
}
