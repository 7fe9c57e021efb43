package io.pbxctl.daemon.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} and {@code --name=value} command-line options of the benchmark programs. */
final class BenchOptions {

    private BenchOptions() {
    }

    /** The options after the first {@code skip} arguments (a mode name, for instance). */
    static Map<String, String> parse(String[] args, int skip) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = skip; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(arg.substring(2), args[++i]);
            } else {
                options.put(arg.substring(2), "true");
            }
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
