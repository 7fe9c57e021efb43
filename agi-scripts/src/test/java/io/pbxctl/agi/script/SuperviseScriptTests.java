package io.pbxctl.agi.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.pbxctl.agi.port.SpyTarget;
import java.util.List;
import org.asteriskjava.fastagi.AgiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sue (user 5, device sue-desk) supervises Bob (ext. 201: devices bob.desk and bob-soft) and Kim
 * (ext. 204, no device). Tom (202) has another supervisor, Ann (203) none.
 */
class SuperviseScriptTests {

    private static final String BOBS_CHANNELS = "${CHANNELS(^PJSIP/(bob.desk|bob-soft)-)}";

    private final InMemorySupervision supervision = new InMemorySupervision()
            .add("acme", "sue-desk", "201", new SpyTarget(5, 2, 5L, List.of("bob.desk", "bob-soft")))
            .add("acme", "sue-desk", "202", new SpyTarget(5, 3, 6L, List.of("tom-desk")))
            .add("acme", "sue-desk", "203", new SpyTarget(5, 4, null, List.of("ann-desk")))
            .add("acme", "sue-desk", "204", new SpyTarget(5, 7, 5L, List.of()));
    private final SuperviseScript script = new SuperviseScript(supervision);

    private static List<String> refused(String reason) {
        return List.of("PBX_SPY_CHANNEL=", "PBX_REASON=" + reason, "PBX_RESULT=REFUSED");
    }

    private static AgiCall listeningToBob(String channels) throws AgiException {
        AgiCall call = AgiCall.with("acme", "sue-desk", "201");
        when(call.channel.getFullVariable(anyString())).thenReturn(channels);
        return call;
    }

    @Test
    void theSupervisorGetsTheExactChannelOfTheTarget() throws AgiException {
        AgiCall call = listeningToBob("PJSIP/bob-soft-0000001a");
        assertThat(call.run(script)).containsExactly("PBX_SPY_CHANNEL=PJSIP/bob-soft-0000001a", "PBX_REASON=", "PBX_RESULT=ALLOWED");
        verify(call.channel).getFullVariable(BOBS_CHANNELS);
    }

    @Test
    void channelsThatOnlyLookLikeTheTargetsAreSkipped() throws AgiException {
        // bob.desk is a regular expression for Asterisk: it also matches another user's bob-desk or bobXdesk.
        AgiCall call = listeningToBob("PJSIP/bob-desk-00000001 PJSIP/bobXdesk-00000002 PJSIP/bob-soft-extra-00000003 "
                + "PJSIP/bob-soft- PJSIP/bob-soft-zz PJSIP/bob.desk-0000000f  PJSIP/bob-soft-00000010\n");
        assertThat(call.run(script)).containsExactly("PBX_SPY_CHANNEL=PJSIP/bob.desk-0000000f", "PBX_REASON=", "PBX_RESULT=ALLOWED");
    }

    @Test
    void onlyTheTargetsOwnSupervisorMayListen() throws AgiException {
        AgiCall otherSupervisor = AgiCall.with("acme", "sue-desk", "202");
        assertThat(otherSupervisor.run(script)).isEqualTo(refused("NOT_SUPERVISOR"));
        verify(otherSupervisor.channel, never()).getFullVariable(anyString());
        AgiCall noSupervisor = AgiCall.with("acme", "sue-desk", "203");
        assertThat(noSupervisor.run(script)).isEqualTo(refused("NOT_SUPERVISOR"));
        verify(noSupervisor.channel, never()).getFullVariable(anyString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "PJSIP/bob-desk-00000001 PJSIP/carol-00000002"})
    void aTargetWithoutACallOfItsOwnIsIdle(String channels) throws AgiException {
        assertThat(listeningToBob(channels).run(script)).isEqualTo(refused("TARGET_IDLE"));
    }

    @Test
    void noChannelVariableOrNoDeviceIsIdle() throws AgiException {
        assertThat(listeningToBob(null).run(script)).isEqualTo(refused("TARGET_IDLE"));
        AgiCall noDevice = AgiCall.with("acme", "sue-desk", "204");
        assertThat(noDevice.run(script)).isEqualTo(refused("TARGET_IDLE"));
        verify(noDevice.channel, never()).getFullVariable(anyString());
    }

    @Test
    void anUnknownExtensionOrCallerIsNotFound() throws AgiException {
        assertThat(AgiCall.with("acme", "sue-desk", "299").run(script)).isEqualTo(refused("NOT_FOUND"));
        assertThat(AgiCall.with("acme", "bob-soft", "201").run(script)).isEqualTo(refused("NOT_FOUND"));
        assertThat(AgiCall.with("globex", "sue-desk", "201").run(script)).isEqualTo(refused("NOT_FOUND"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme,sue-desk", "acme,sue-desk,2", "acme,sue-desk,1234567", "acme,sue-desk,201;x",
            "acme,sue desk,201", "acme,sue-desk\n,201", "acme-,sue-desk,20a"})
    void malformedArgumentsAreAnInvalidRequest(String arguments) throws AgiException {
        assertThat(AgiCall.with(arguments.split(",")).run(script)).containsExactly("PBX_REASON=INVALID_REQUEST", "PBX_RESULT=REFUSED");
    }

    @Test
    void aFailingPortIsUnavailable() throws AgiException {
        supervision.failWith(new IllegalStateException("database down"));
        assertThat(AgiCall.with("acme", "sue-desk", "201").run(script)).containsExactly("PBX_REASON=UNAVAILABLE", "PBX_RESULT=REFUSED");
    }
}
