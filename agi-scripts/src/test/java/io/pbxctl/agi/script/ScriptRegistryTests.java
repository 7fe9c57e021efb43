package io.pbxctl.agi.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.Test;

class ScriptRegistryTests {

    private final InMemoryQuotaLedger ledger = new InMemoryQuotaLedger();
    private final OutboundScript outbound = new OutboundScript(new InMemoryOutboundCallers(), new InMemoryAccountCodes(5),
            ledger, Clock.systemUTC(), 60);
    private final InternalScript internal = new InternalScript(new InMemoryInternalCalls());
    private final ConferenceScript conference = new ConferenceScript(new InMemoryConferenceRooms(), Clock.systemUTC(), Duration.ZERO);
    private final SuperviseScript supervise = new SuperviseScript(new InMemorySupervision());
    private final SettleScript settle = new SettleScript(ledger, Clock.systemUTC());

    /** A second script that claims an existing name. */
    static final class ImpostorScript extends PbxScript {
        @Override
        public String getName() {
            return "internal";
        }

        @Override
        protected Answer decide(AgiRequest request, AgiChannel channel) {
            return Answer.allowed();
        }
    }

    private static AgiRequest requestFor(String script) {
        AgiRequest request = org.mockito.Mockito.mock(AgiRequest.class);
        org.mockito.Mockito.when(request.getScript()).thenReturn(script);
        return request;
    }

    @Test
    void eachScriptIsMappedUnderTheNameTheDialplanUses() {
        ScriptRegistry registry = new ScriptRegistry(List.of(outbound, internal, conference, supervise, settle));
        assertThat(registry.names()).containsExactlyInAnyOrder("outbound", "internal", "conference", "supervise", "settle");
        assertThat(registry.determineScript(requestFor("outbound"), null)).isSameAs(outbound);
        assertThat(registry.determineScript(requestFor("internal"), null)).isSameAs(internal);
        assertThat(registry.determineScript(requestFor("conference"), null)).isSameAs(conference);
        assertThat(registry.determineScript(requestFor("supervise"), null)).isSameAs(supervise);
        assertThat(registry.determineScript(requestFor("settle"), null)).isSameAs(settle);
    }

    @Test
    void theNamesAreTheConstantsOfTheScripts() {
        assertThat(List.of(OutboundScript.NAME, InternalScript.NAME, ConferenceScript.NAME, SuperviseScript.NAME, SettleScript.NAME))
                .containsExactly("outbound", "internal", "conference", "supervise", "settle");
    }

    @Test
    void aNameRegisteredTwiceFailsAtStartUpNamingBothClasses() {
        assertThatThrownBy(() -> new ScriptRegistry(List.of(outbound, internal, new ImpostorScript())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'internal'")
                .hasMessageContaining(InternalScript.class.getName())
                .hasMessageContaining(ImpostorScript.class.getName());
    }

    @Test
    void anUnknownOrMissingNameGetsAScriptThatRefuses() throws Exception {
        ScriptRegistry registry = new ScriptRegistry(List.of(internal));
        for (String name : new String[] {"io.pbxctl.agi.script.OutboundScript", "settle", null}) {
            AgiCall call = AgiCall.with();
            org.mockito.Mockito.when(call.request.getScript()).thenReturn(name);
            AgiScript script = registry.determineScript(call.request, call.channel);
            assertThat(script).isInstanceOf(PbxScript.class).isNotSameAs(internal);
            assertThat(call.run((PbxScript) script)).containsExactly("PBX_REASON=INVALID_REQUEST", "PBX_RESULT=REFUSED");
        }
    }
}
