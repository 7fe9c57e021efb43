package io.pbxctl.agi.script;

import io.pbxctl.agi.contract.Reason;
import io.pbxctl.agi.contract.Variables;
import io.pbxctl.agi.port.SpyTarget;
import io.pbxctl.agi.port.Supervision;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;

/**
 * {@code supervise,<tenant>,<device>,<extension>}: may the user of this device listen to, whisper
 * to or barge into the user behind that extension? Only that user's supervisor may; the answer
 * is the exact channel to spy on, because ChanSpy's own name prefixes over-match.
 */
public final class SuperviseScript extends PbxScript {

    public static final String NAME = "supervise";

    private final Supervision supervision;

    public SuperviseScript(Supervision supervision) {
        this.supervision = supervision;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    protected Answer decide(AgiRequest request, AgiChannel channel) throws AgiException {
        Arguments arguments = new Arguments(request);
        String tenant = arguments.get(1, "tenant", Arguments.TENANT);
        String device = arguments.get(2, "device", Arguments.DEVICE);
        String extension = arguments.get(3, "extension", Arguments.EXTENSION);
        Optional<SpyTarget> found = supervision.find(tenant, device, extension);
        if (found.isEmpty()) {
            return Answer.refused(Reason.NOT_FOUND).with(Variables.SPY_CHANNEL, "");
        }
        SpyTarget target = found.get();
        if (target.targetSupervisorId() == null || target.targetSupervisorId() != target.callerUserId()) {
            return Answer.refused(Reason.NOT_SUPERVISOR).with(Variables.SPY_CHANNEL, "");
        }
        Optional<String> spied = activeChannel(channel, target.targetDevices());
        return spied.map(name -> Answer.allowed().with(Variables.SPY_CHANNEL, name))
                .orElseGet(() -> Answer.refused(Reason.TARGET_IDLE).with(Variables.SPY_CHANNEL, ""));
    }

    /** The target's first channel in Asterisk, matched exactly as PJSIP/<device>-<sequence>. */
    private static Optional<String> activeChannel(AgiChannel channel, List<String> devices) throws AgiException {
        if (devices.isEmpty()) {
            return Optional.empty();
        }
        String alternatives = devices.stream().collect(Collectors.joining("|"));
        String channels = channel.getFullVariable("${CHANNELS(^PJSIP/(" + alternatives + ")-)}");
        if (channels == null || channels.isBlank()) {
            return Optional.empty();
        }
        return Arrays.stream(channels.trim().split("\\s+"))
                .filter(name -> devices.stream().anyMatch(device -> isChannelOf(name, device)))
                .findFirst();
    }

    private static boolean isChannelOf(String channelName, String device) {
        String prefix = "PJSIP/" + device + "-";
        return channelName.startsWith(prefix) && channelName.length() > prefix.length()
                && channelName.substring(prefix.length()).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
