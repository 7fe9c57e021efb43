package io.pbxctl.agi.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.junit.jupiter.api.Test;

class ScriptRegistryTests {

    private final InMemoryQuotaLedger ledger = new InMemoryQuotaLedger();
    private final OutboundScript outbound = new OutboundScript(new InMemoryOutboundCallers(), new InMemoryAccountCodes(5),
            ledger, Clock.systemUTC(), 60);
    private final InternalScript internal = new InternalScript(new InMemoryInternalCalls());
    private final ConferenceScript conference = new ConferenceScript(new InMemoryConferenceRooms(), Clock.systemUTC());
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

    @Test
    void eachScriptIsMappedUnderTheNameTheDialplanUses() {
        Map<String, ?> mappings = new ScriptRegistry(List.of(outbound, internal, conference, supervise, settle)).mappings();
        assertThat(mappings).containsOnlyKeys("outbound", "internal", "conference", "supervise", "settle");
        assertThat(mappings.get("outbound")).isSameAs(outbound);
        assertThat(mappings.get("internal")).isSameAs(internal);
        assertThat(mappings.get("conference")).isSameAs(conference);
        assertThat(mappings.get("supervise")).isSameAs(supervise);
        assertThat(mappings.get("settle")).isSameAs(settle);
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
    void theMappingsCannotBeChangedFromOutside() {
        ScriptRegistry registry = new ScriptRegistry(List.of(internal));
        assertThatThrownBy(() -> registry.mappings().put("settle", settle)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(registry.mappings()).containsOnlyKeys("internal");
        assertThat(new ScriptRegistry(List.of()).mappings()).isEmpty();
    }
}
