package io.pbxctl.agi.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.pbxctl.agi.port.Callee;
import java.util.List;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Alice (ext. 101, user 1) has two devices; Bob (ext. 102, user 2) has none yet. */
class InternalScriptTests {

    private static final String ALICES_CONTACTS = "${PJSIP_DIAL_CONTACTS(alice-desk)}&${PJSIP_DIAL_CONTACTS(alice-soft)}";
    private static final String DESK = "PJSIP/alice-desk/sip:alice-desk@10.0.0.5:5060";
    private static final String SOFT = "PJSIP/alice-soft/sip:alice-soft@10.0.0.9:51234;transport=tcp";

    private final InMemoryInternalCalls calls = new InMemoryInternalCalls()
            .add("acme", "101", new Callee(1, true, false, "INBOUND", List.of("alice-desk", "alice-soft")))
            .add("acme", "102", new Callee(2, false, true, "OFF", List.of()));
    private final InternalScript script = new InternalScript(calls);

    private static List<String> ringingAlice(String dial) {
        return List.of("PBX_CALLEE_USER_ID=1", "PBX_CALL_WAITING=1", "PBX_AUTO_ANSWER=0", "PBX_RECORDING=INBOUND",
                "PBX_DIAL=" + dial, "PBX_REASON=", "PBX_RESULT=ALLOWED");
    }

    private AgiCall callingAlice(String contacts) throws AgiException {
        AgiCall call = AgiCall.with("acme", "101");
        when(call.channel.getFullVariable(anyString())).thenReturn(contacts);
        return call;
    }

    @Test
    void everyReachableContactOfEveryDeviceIsDialled() throws AgiException {
        AgiCall call = callingAlice(DESK + "&" + SOFT);
        assertThat(call.run(script)).isEqualTo(ringingAlice(DESK + "&" + SOFT));
        verify(call.channel).getFullVariable(ALICES_CONTACTS);
    }

    @Test
    void emptySlotsOfUnreachableDevicesAreDropped() throws AgiException {
        assertThat(callingAlice("&" + SOFT).run(script)).isEqualTo(ringingAlice(SOFT));
        assertThat(callingAlice(DESK + "&&").run(script)).isEqualTo(ringingAlice(DESK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&", " & "})
    void noReachableDeviceLeavesTheDialStringEmpty(String contacts) throws AgiException {
        assertThat(callingAlice(contacts).run(script)).isEqualTo(ringingAlice(""));
    }

    @Test
    void noContactsVariableLeavesTheDialStringEmpty() throws AgiException {
        assertThat(callingAlice(null).run(script)).isEqualTo(ringingAlice(""));
    }

    @Test
    void aCalleeWithoutDevicesIsNotLookedUpInAsterisk() throws AgiException {
        AgiCall call = AgiCall.with("acme", "102");
        assertThat(call.run(script)).containsExactly("PBX_CALLEE_USER_ID=2", "PBX_CALL_WAITING=0", "PBX_AUTO_ANSWER=1",
                "PBX_RECORDING=OFF", "PBX_DIAL=", "PBX_REASON=", "PBX_RESULT=ALLOWED");
        verify(call.channel, never()).getFullVariable(anyString());
    }

    @Test
    void anUnknownExtensionOrOneOfAnotherTenantIsNotFound() throws AgiException {
        assertThat(AgiCall.with("acme", "199").run(script)).containsExactly("PBX_REASON=NOT_FOUND", "PBX_RESULT=REFUSED");
        assertThat(AgiCall.with("globex", "101").run(script)).containsExactly("PBX_REASON=NOT_FOUND", "PBX_RESULT=REFUSED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme", "acme,1", "acme,1234567", "acme,10a", "acme,101;", "acme,101\n", "a,101", "acme_x,101"})
    void malformedArgumentsAreAnInvalidRequest(String arguments) throws AgiException {
        assertThat(AgiCall.with(arguments.split(",")).run(script)).containsExactly("PBX_REASON=INVALID_REQUEST", "PBX_RESULT=REFUSED");
    }

    @Test
    void aFailingPortOrChannelIsUnavailable() throws AgiException {
        AgiCall hungUp = AgiCall.with("acme", "101");
        when(hungUp.channel.getFullVariable(anyString())).thenThrow(new AgiHangupException());
        assertThat(hungUp.run(script)).containsExactly("PBX_REASON=UNAVAILABLE", "PBX_RESULT=REFUSED");

        calls.failWith(new IllegalStateException("database down"));
        assertThat(AgiCall.with("acme", "101").run(script)).containsExactly("PBX_REASON=UNAVAILABLE", "PBX_RESULT=REFUSED");
    }
}
