package io.pbxctl.agi.script;

import io.pbxctl.agi.contract.Reason;
import io.pbxctl.agi.contract.Variables;
import io.pbxctl.agi.port.Callee;
import io.pbxctl.agi.port.InternalCalls;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;

/**
 * {@code internal,<tenant>,<extension>}: how to ring the user behind an extension. The dial
 * string lists every reachable contact of every device, asked of Asterisk at call time.
 */
public final class InternalScript extends PbxScript {

    public static final String NAME = "internal";

    private final InternalCalls calls;

    public InternalScript(InternalCalls calls) {
        this.calls = calls;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    protected Answer decide(AgiRequest request, AgiChannel channel) throws AgiException {
        Arguments arguments = new Arguments(request);
        String tenant = arguments.get(1, "tenant", Arguments.TENANT);
        String extension = arguments.get(2, "extension", Arguments.EXTENSION);
        Optional<Callee> found = calls.find(tenant, extension);
        if (found.isEmpty()) {
            return Answer.refused(Reason.NOT_FOUND);
        }
        Callee callee = found.get();
        return Answer.allowed()
                .with(Variables.CALLEE_USER_ID, callee.userId())
                .with(Variables.CALL_WAITING, callee.callWaiting() ? 1 : 0)
                .with(Variables.AUTO_ANSWER, callee.autoAnswer() ? 1 : 0)
                .with(Variables.RECORDING, callee.recordingMode())
                .with(Variables.DIAL, reachableContacts(channel, callee));
    }

    private static String reachableContacts(AgiChannel channel, Callee callee) throws AgiException {
        if (callee.devices().isEmpty()) {
            return "";
        }
        String expression = callee.devices().stream()
                .map(device -> "${PJSIP_DIAL_CONTACTS(" + device + ")}")
                .collect(Collectors.joining("&"));
        String contacts = channel.getFullVariable(expression);
        if (contacts == null) {
            return "";
        }
        // Devices without a reachable contact leave empty slots; Dial tolerates them, people reading the variable do not.
        return Arrays.stream(contacts.split("&")).filter(contact -> !contact.isBlank()).collect(Collectors.joining("&"));
    }
}
