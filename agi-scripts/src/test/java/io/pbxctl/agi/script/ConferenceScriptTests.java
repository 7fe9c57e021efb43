package io.pbxctl.agi.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.pbxctl.agi.port.Room;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.asteriskjava.fastagi.AgiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * It is 09:00 in Ho Chi Minh City. Alice (user 1, device alice-desk) hosts acme's rooms; Bob
 * (bob-desk) is a guest. Room 4000 has PIN 2468, 4001 none; 5000 opens now, 5001 has just
 * closed, 5002 opens tomorrow. Globex has its own room 4000.
 */
class ConferenceScriptTests {

    private static final ZoneId HO_CHI_MINH = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Clock NINE_AM = Clock.fixed(Instant.parse("2024-05-10T02:00:00Z"), ZoneOffset.UTC);

    private final InMemoryConferenceRooms rooms = new InMemoryConferenceRooms()
            .add(room("acme", "4000", null, null, "2468"))
            .add(room("acme", "4001", null, null, null))
            .add(room("acme", "5000", LocalDateTime.parse("2024-05-10T09:00"), 30, "1357"))
            .add(room("acme", "5001", LocalDateTime.parse("2024-05-10T08:00"), 60, null))
            .add(room("acme", "5002", LocalDateTime.parse("2024-05-11T09:00"), 60, null))
            .add(new Room("globex", "4000", null, null, HO_CHI_MINH, "0000", 20L))
            .device("acme", "alice-desk", 1)
            .device("acme", "bob-desk", 2);
    private final ConferenceScript script = new ConferenceScript(rooms, NINE_AM, Duration.ofMinutes(2));

    private static Room room(String tenant, String number, LocalDateTime start, Integer minutes, String pin) {
        return new Room(tenant, number, start, minutes, HO_CHI_MINH, pin, 1L);
    }

    private static List<String> entered(String conference, String role) {
        return entered(conference, role, 0);
    }

    private static List<String> entered(String conference, String role, long timeoutSeconds) {
        String profile = role.equals("HOST") ? "pbx-host" : "pbx-guest";
        return List.of("PBX_CONF_NAME=" + conference, "PBX_CONF_BRIDGE_PROFILE=pbx-bridge", "PBX_CONF_USER_PROFILE=" + profile,
                "PBX_CONF_ROLE=" + role, "PBX_CONF_TIMEOUT=" + timeoutSeconds, "PBX_REASON=", "PBX_RESULT=ALLOWED");
    }

    private static List<String> refused(String reason) {
        return List.of("PBX_REASON=" + reason, "PBX_RESULT=REFUSED");
    }

    @Test
    void aGuestWithTheRightPinEntersAsGuest() throws AgiException {
        AgiCall call = AgiCall.with("acme", "4000", "bob-desk").typing("2468");
        assertThat(call.run(script)).isEqualTo(entered("acme~4000", "GUEST"));
        var order = inOrder(call.channel);
        order.verify(call.channel).answer();
        order.verify(call.channel).getData(ConferenceScript.PIN_PROMPT, 6000, 12);
        verify(call.channel, times(1)).getData(anyString(), anyLong(), anyInt());
    }

    @Test
    void aWrongPinThenTheRightOneEnters() throws AgiException {
        AgiCall call = AgiCall.with("acme", "4000", "bob-desk").typing("1111", "2468");
        assertThat(call.run(script)).isEqualTo(entered("acme~4000", "GUEST"));
        var order = inOrder(call.channel);
        order.verify(call.channel).getData(ConferenceScript.PIN_PROMPT, 6000, 12);
        order.verify(call.channel).getData(ConferenceScript.WRONG_PIN_PROMPT, 6000, 12);
    }

    @Test
    void threeWrongPinsOrNoneAreRefused() throws AgiException {
        AgiCall wrong = AgiCall.with("acme", "4000", "bob-desk").typing("1111", "24680", "2467", "2468");
        assertThat(wrong.run(script)).isEqualTo(refused("PIN_INVALID"));
        verify(wrong.channel, times(3)).getData(anyString(), anyLong(), anyInt());

        AgiCall silent = AgiCall.with("acme", "4000", "bob-desk").typing("", "", "", "2468");
        assertThat(silent.run(script)).isEqualTo(refused("PIN_INVALID"));
        verify(silent.channel, times(3)).getData(anyString(), anyLong(), anyInt());
    }

    @Test
    void aHangupDuringThePinStopsPrompting() throws AgiException {
        AgiCall call = AgiCall.with("acme", "4000", "bob-desk").typing("-1", "2468");
        assertThat(call.run(script)).isEqualTo(refused("PIN_INVALID"));
        verify(call.channel, times(1)).getData(anyString(), anyLong(), anyInt());
    }

    @Test
    void theHostSkipsThePinAndGetsTheHostProfile() throws AgiException {
        AgiCall call = AgiCall.with("acme", "4000", "alice-desk");
        assertThat(call.run(script)).isEqualTo(entered("acme~4000", "HOST"));
        verify(call.channel, never()).answer();
        verify(call.channel, never()).getData(anyString(), anyLong(), anyInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "carol-desk"})
    void anExternalCallerOrAnUnknownDeviceIsAGuestAndAskedForThePin(String device) throws AgiException {
        AgiCall call = AgiCall.with("acme", "4000", device).typing("2468");
        assertThat(call.run(script)).isEqualTo(entered("acme~4000", "GUEST"));
        verify(call.channel).getData(ConferenceScript.PIN_PROMPT, 6000, 12);
    }

    @Test
    void aCallerWithoutDeviceArgumentIsAGuest() throws AgiException {
        AgiCall noDevice = AgiCall.with("acme", "4000").typing("2468");
        assertThat(noDevice.run(script)).isEqualTo(entered("acme~4000", "GUEST"));
        verify(noDevice.channel).getData(ConferenceScript.PIN_PROMPT, 6000, 12);
    }

    @Test
    void aRoomWithoutPinLetsGuestsInWithoutPrompt() throws AgiException {
        AgiCall call = AgiCall.with("acme", "4001", "bob-desk");
        assertThat(call.run(script)).isEqualTo(entered("acme~4001", "GUEST"));
        verify(call.channel, never()).getData(anyString(), anyLong(), anyInt());
    }

    @Test
    void roomNumbersBelongToTheirTenant() throws AgiException {
        assertThat(AgiCall.with("globex", "4000").typing("0000").run(script)).isEqualTo(entered("globex~4000", "GUEST"));
        assertThat(AgiCall.with("acme", "4000").typing("0000", "0000", "0000").run(script)).isEqualTo(refused("PIN_INVALID"));
        assertThat(AgiCall.with("globex", "4001").run(script)).isEqualTo(refused("NOT_FOUND"));
        assertThat(AgiCall.with("acme", "9999", "alice-desk").run(script)).isEqualTo(refused("NOT_FOUND"));
    }

    @Test
    void aScheduledRoomIsOpenFromItsStartUntilStartPlusDuration() throws AgiException {
        assertThat(AgiCall.with("acme", "5000", "bob-desk").typing("1357").run(script)).isEqualTo(entered("acme~5000", "GUEST", 1800 + 120));
        AgiCall justClosed = AgiCall.with("acme", "5001", "alice-desk");
        assertThat(justClosed.run(script)).isEqualTo(refused("OUTSIDE_WINDOW"));
        AgiCall tomorrow = AgiCall.with("acme", "5002", "bob-desk").typing("1357");
        assertThat(tomorrow.run(script)).isEqualTo(refused("OUTSIDE_WINDOW"));
        verify(tomorrow.channel, never()).getData(anyString(), anyLong(), anyInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme,123", "acme,1234567890123", "ACME,4000", "acme,4000;1", "acme,4000,bob desk",
            "acme,4000,bob-desk\n", "acme", "acme,40a0"})
    void malformedArgumentsAreAnInvalidRequest(String arguments) throws AgiException {
        assertThat(AgiCall.with(arguments.split(",")).run(script)).isEqualTo(refused("INVALID_REQUEST"));
    }

    @Test
    void aFailingPortIsUnavailable() throws AgiException {
        rooms.failWith(new IllegalStateException("database down"));
        assertThat(AgiCall.with("acme", "4000", "alice-desk").run(script)).isEqualTo(refused("UNAVAILABLE"));
    }
}
