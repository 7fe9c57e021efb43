package io.pbxctl.agi.script;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;

/**
 * The explicit name-to-script table of the FastAGI server; a name registered twice is a
 * start-up error. An unknown name gets a script that refuses, so the dialplan hears
 * INVALID_REQUEST instead of a missing result.
 */
public final class ScriptRegistry implements MappingStrategy {

    private final Map<String, PbxScript> scripts = new LinkedHashMap<>();
    private final PbxScript unknown = new UnknownScript();

    public ScriptRegistry(Collection<? extends PbxScript> scripts) {
        for (PbxScript script : scripts) {
            PbxScript previous = this.scripts.putIfAbsent(script.getName(), script);
            if (previous != null) {
                throw new IllegalStateException("FastAGI script name '" + script.getName() + "' is registered twice: by "
                        + previous.getClass().getName() + " and " + script.getClass().getName());
            }
        }
    }

    public Set<String> names() {
        return Set.copyOf(scripts.keySet());
    }

    @Override
    public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
        String name = request.getScript();
        PbxScript script = name == null ? null : scripts.get(name);
        return script != null ? script : unknown;
    }

    private static final class UnknownScript extends PbxScript {

        @Override
        public String getName() {
            return "unknown";
        }

        @Override
        protected Answer decide(AgiRequest request, AgiChannel channel) {
            throw new BadRequest("no script is named '" + request.getScript() + "'");
        }
    }
}
