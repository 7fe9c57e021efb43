package io.pbxctl.agi.script;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asteriskjava.fastagi.AgiScript;

/** The explicit name-to-script table of the FastAGI server; a name registered twice is a start-up error. */
public final class ScriptRegistry {

    private final Map<String, AgiScript> scripts = new LinkedHashMap<>();

    public ScriptRegistry(Collection<? extends PbxScript> scripts) {
        for (PbxScript script : scripts) {
            AgiScript previous = this.scripts.putIfAbsent(script.getName(), script);
            if (previous != null) {
                throw new IllegalStateException("FastAGI script name '" + script.getName() + "' is registered twice: by "
                        + previous.getClass().getName() + " and " + script.getClass().getName());
            }
        }
    }

    /** Name to script, for Asterisk-Java's SimpleMappingStrategy. */
    public Map<String, AgiScript> mappings() {
        return Map.copyOf(scripts);
    }
}
