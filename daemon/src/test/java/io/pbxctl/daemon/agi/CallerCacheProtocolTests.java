package io.pbxctl.daemon.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.agi.contract.Variables;
import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.agi.CallScenario.Person;
import io.pbxctl.daemon.agi.FakeAsterisk.Call;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The caller cache as calls see it: a change through this daemon's API applies to the very
 * next call, and a change this daemon did not make (another daemon, or SQL) within the cache's
 * lifetime.
 */
class CallerCacheProtocolTests extends ApiTestSupport {

    @Autowired
    private FastAgiServer server;

    private CallScenario scenario;

    @BeforeEach
    void tenant() {
        scenario = new CallScenario(newTenant("VN"), operator, null);
    }

    private Call dial(Person from) throws IOException {
        return new FakeAsterisk(server.port()).call("outbound", OutboundProtocolTests.callId(), scenario.tenant.slug(), from.device(),
                "0912345678");
    }

    private void put(String resource, long id, Map<String, Object> body) {
        Api.Response response = scenario.tenant.admin().put(scenario.tenant.path(resource) + "/" + id, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void aChangeThroughTheApiAppliesToTheNextCall() throws IOException {
        Person lan = scenario.person("Lan");
        assertThat(dial(lan).get(Variables.RESULT)).isEqualTo("ALLOWED");

        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", "Lan");
        user.put("outboundGroupId", scenario.outboundGroup);
        user.put("outboundEnabled", false);
        put("users", lan.userId(), user);

        assertThat(dial(lan).get(Variables.REASON)).isEqualTo("OUTBOUND_DISABLED");
    }

    @Test
    void aNewCallerIdOfTheOutboundGroupAppliesToTheNextCall() throws IOException {
        Person lan = scenario.person("Lan");
        assertThat(dial(lan).get(Variables.CALLER_ID_NUMBER)).isEqualTo("02412345678");
        List<Long> trunks = jdbc.sql("SELECT trunk_id FROM outbound_group_trunk WHERE outbound_group_id = ? ORDER BY position")
                .param(scenario.outboundGroup).query(Long.class).list();

        put("outbound-groups", scenario.outboundGroup, Map.of("name", "Default", "callerIdNumber", "02499999999",
                "callerIdName", "Cong ty", "trunkIds", trunks));

        assertThat(dial(lan).get(Variables.CALLER_ID_NUMBER)).isEqualTo("02499999999");
    }

    @Test
    void aChangeThisDaemonDidNotMakeAppliesWithinTheCacheLifetime() throws Exception {
        Person lan = scenario.person("Lan");
        assertThat(dial(lan).get(Variables.RESULT)).isEqualTo("ALLOWED");
        long cachedAt = System.nanoTime();

        // What another daemon's API, or an administrator's SQL, would commit: no event reaches this daemon.
        jdbc.sql("UPDATE pbx_user SET outbound_enabled = FALSE WHERE id = ?").param(lan.userId()).update();

        Call next = dial(lan);
        if (Duration.ofNanos(System.nanoTime() - cachedAt).compareTo(CallerCache.LIFETIME.dividedBy(2)) < 0) {
            assertThat(next.get(Variables.RESULT)).as("still answered from the cache").isEqualTo("ALLOWED");
        }
        while (!"OUTBOUND_DISABLED".equals(next.get(Variables.REASON))) {
            assertThat(Duration.ofNanos(System.nanoTime() - cachedAt))
                    .as("the change must apply within the cache lifetime").isLessThan(CallerCache.LIFETIME.plusSeconds(1));
            Thread.sleep(100);
            next = dial(lan);
        }
    }
}
