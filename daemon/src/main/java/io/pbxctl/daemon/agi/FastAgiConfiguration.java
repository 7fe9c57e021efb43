package io.pbxctl.daemon.agi;

import io.pbxctl.agi.port.AccountCodes;
import io.pbxctl.agi.port.ConferenceRooms;
import io.pbxctl.agi.port.InternalCalls;
import io.pbxctl.agi.port.OutboundCallers;
import io.pbxctl.agi.port.QuotaLedger;
import io.pbxctl.agi.port.Supervision;
import io.pbxctl.agi.script.ConferenceScript;
import io.pbxctl.agi.script.InternalScript;
import io.pbxctl.agi.script.OutboundScript;
import io.pbxctl.agi.script.ScriptRegistry;
import io.pbxctl.agi.script.SettleScript;
import io.pbxctl.agi.script.SuperviseScript;
import io.pbxctl.daemon.conference.ConferenceScheduleProperties;
import io.pbxctl.daemon.system.PbxProperties;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The FastAGI scripts, each wired to the daemon's implementation of its ports, and the server. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FastAgiConfiguration {

    @Bean
    ScriptRegistry fastAgiScripts(OutboundCallers callers, AccountCodes codes, QuotaLedger ledger, ConferenceRooms rooms,
            Supervision supervision, InternalCalls internalCalls, PbxProperties properties, ConferenceScheduleProperties conferences) {
        Clock clock = Clock.systemUTC();
        long minimumSeconds = properties.calls().minimumQuota().toSeconds();
        return new ScriptRegistry(List.of(
                new OutboundScript(callers, codes, ledger, clock, minimumSeconds),
                new SettleScript(ledger, clock),
                new InternalScript(internalCalls),
                new ConferenceScript(rooms, clock, conferences.overrun()),
                new SuperviseScript(supervision)));
    }

    @Bean
    @ConditionalOnProperty(name = "pbx.fastagi.enabled", havingValue = "true", matchIfMissing = true)
    FastAgiServer fastAgiServer(ScriptRegistry scripts, PbxProperties properties) {
        return new FastAgiServer(scripts, properties.fastagi());
    }
}
