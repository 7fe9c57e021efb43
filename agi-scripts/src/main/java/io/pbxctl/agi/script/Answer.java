package io.pbxctl.agi.script;

import io.pbxctl.agi.contract.Reason;
import io.pbxctl.agi.contract.Result;
import io.pbxctl.agi.contract.Variables;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;

/**
 * The variables a script sets, in order. The result comes last, so a connection lost half-way
 * leaves no ALLOWED without the variables that bound it.
 */
public final class Answer {

    private final Result result;
    private final Reason reason;
    private final Map<String, String> variables = new LinkedHashMap<>();

    private Answer(Result result, Reason reason) {
        this.result = result;
        this.reason = reason;
    }

    public static Answer allowed() {
        return new Answer(Result.ALLOWED, null);
    }

    public static Answer refused(Reason reason) {
        return new Answer(Result.REFUSED, reason);
    }

    public Answer with(String name, Object value) {
        variables.put(name, value == null ? "" : value.toString());
        return this;
    }

    void applyTo(AgiChannel channel) throws AgiException {
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            channel.sendCommand(new SetVariable(variable.getKey(), variable.getValue()));
        }
        channel.sendCommand(new SetVariable(Variables.REASON, reason == null ? "" : reason.name()));
        channel.sendCommand(new SetVariable(Variables.RESULT, result.name()));
    }
}
