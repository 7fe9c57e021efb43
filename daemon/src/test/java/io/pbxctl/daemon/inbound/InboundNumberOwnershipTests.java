package io.pbxctl.daemon.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InboundNumberOwnershipTests extends ApiTestSupport {

    private TenantFixture tenant;
    private String number;

    @BeforeEach
    void tenantWithTwoExtensions() {
        tenant = newTenant();
        tenant.create("extensions", Map.of("userId", tenant.adminUserId(), "number", "100"));
        tenant.create("extensions", Map.of("userId", tenant.adminUserId(), "number", "101"));
        number = "8428" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    private static Map<String, Object> did(String number, String extension) {
        return Map.of("number", number, "destination", Map.of("type", "EXTENSION", "number", extension));
    }

    @Test
    void aTenantAdminCannotClaimANumber() {
        Api.Response refused = tenant.admin().post(tenant.path("inbound-numbers"), did(number, "100"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_number WHERE number = ?").param(number).query(Long.class).single()).isZero();
    }

    @Test
    void theTenantAdminRoutesTheNumberTheOperatorAssigned() {
        long id = assignInboundNumber(tenant, did(number, "100"));
        Api.Response rerouted = tenant.admin().put(tenant.path("inbound-numbers/" + id),
                Map.of("number", number, "description", "Tổng đài", "directDial", false,
                        "destination", Map.of("type", "EXTENSION", "number", "101")));
        assertThat(rerouted.status()).as(rerouted.toString()).isEqualTo(200);
        assertThat(rerouted.body().at("/destination/number").asText()).isEqualTo("101");
        assertThat(rerouted.body().get("directDial").asBoolean()).isFalse();
    }

    @Test
    void renumberingAndReleasingAreTheOperatorsToo() {
        long id = assignInboundNumber(tenant, did(number, "100"));
        assertThat(tenant.admin().put(tenant.path("inbound-numbers/" + id), did(number + "1", "100")).status()).isEqualTo(403);
        assertThat(tenant.admin().delete(tenant.path("inbound-numbers/" + id)).status()).isEqualTo(403);
        assertThat(tenant.admin().get(tenant.path("inbound-numbers/" + id)).body().get("number").asText()).isEqualTo(number);
        assertThat(operator.delete(tenant.path("inbound-numbers/" + id)).status()).isEqualTo(204);
    }
}
