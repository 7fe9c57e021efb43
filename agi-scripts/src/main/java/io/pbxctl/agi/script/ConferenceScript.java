package io.pbxctl.agi.script;

import io.pbxctl.agi.contract.AsteriskNames;
import io.pbxctl.agi.contract.Reason;
import io.pbxctl.agi.contract.Variables;
import io.pbxctl.agi.policy.ConferenceWindow;
import io.pbxctl.agi.port.ConferenceRooms;
import io.pbxctl.agi.port.Room;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;

/**
 * {@code conference,<tenant>,<room>[,<device>]}: may the caller enter the room now, and as host
 * or guest? Asks for the PIN (three attempts) unless the room has none or the host calls from
 * one of their own devices.
 */
public final class ConferenceScript extends PbxScript {

    public static final String NAME = "conference";
    static final int PIN_ATTEMPTS = 3;
    static final String PIN_PROMPT = "conf-getpin";
    static final String WRONG_PIN_PROMPT = "conf-invalidpin";
    static final long DIGIT_TIMEOUT_MS = 6000;

    private final ConferenceRooms rooms;
    private final Clock clock;
    private final long overrunSeconds;

    /**
     * {@code overrun}: how long past a scheduled room's window ConfBridge keeps a caller before
     * ejecting them itself, the backstop behind the daemon's end of the conference.
     */
    public ConferenceScript(ConferenceRooms rooms, Clock clock, Duration overrun) {
        this.rooms = rooms;
        this.clock = clock;
        this.overrunSeconds = overrun.toSeconds();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    protected Answer decide(AgiRequest request, AgiChannel channel) throws AgiException {
        Arguments arguments = new Arguments(request);
        String tenant = arguments.get(1, "tenant", Arguments.TENANT);
        String number = arguments.get(2, "room", Arguments.ROOM);
        String device = arguments.optional(3, "device", Arguments.DEVICE);
        Optional<Room> found = rooms.find(tenant, number);
        if (found.isEmpty()) {
            return Answer.refused(Reason.NOT_FOUND);
        }
        Room room = found.get();
        if (!ConferenceWindow.isOpen(room.start(), room.durationMinutes(), room.zone(), clock.instant())) {
            return Answer.refused(Reason.OUTSIDE_WINDOW);
        }
        boolean host = device != null && room.hostUserId() != null
                && rooms.userOfDevice(tenant, device).filter(room.hostUserId()::equals).isPresent();
        if (room.pin() != null && !host && !pinEntered(channel, room.pin())) {
            return Answer.refused(Reason.PIN_INVALID);
        }
        return Answer.allowed()
                .with(Variables.CONF_NAME, AsteriskNames.conference(tenant, number))
                .with(Variables.CONF_BRIDGE_PROFILE, AsteriskNames.CONFERENCE_BRIDGE_PROFILE)
                .with(Variables.CONF_USER_PROFILE, host ? AsteriskNames.CONFERENCE_HOST_PROFILE : AsteriskNames.CONFERENCE_GUEST_PROFILE)
                .with(Variables.CONF_ROLE, host ? "HOST" : "GUEST")
                .with(Variables.CONF_TIMEOUT, timeout(room));
    }

    private long timeout(Room room) {
        long left = ConferenceWindow.secondsLeft(room.start(), room.durationMinutes(), room.zone(), clock.instant());
        return left == 0 ? 0 : left + overrunSeconds;
    }

    private static boolean pinEntered(AgiChannel channel, String pin) throws AgiException {
        channel.answer();
        byte[] expected = pin.getBytes(StandardCharsets.US_ASCII);
        for (int attempt = 1; attempt <= PIN_ATTEMPTS; attempt++) {
            String digits = channel.getData(attempt == 1 ? PIN_PROMPT : WRONG_PIN_PROMPT, DIGIT_TIMEOUT_MS, 12);
            if (digits == null || digits.startsWith("-")) {
                return false;
            }
            if (MessageDigest.isEqual(expected, digits.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
