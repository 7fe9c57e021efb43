package io.pbxctl.daemon.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Emergency calls always go out, so no tenant setting may make an emergency number mean something else. */
class EmergencyNumberTests extends ApiTestSupport {

    @ParameterizedTest
    @CsvSource({"VN, 113", "VN, 115", "VN, 112", "PL, 112", "PL, 997", "PL, 999"})
    void anEmergencyNumberCannotBeAnExtension(String country, String number) {
        TenantFixture t = newTenant(country);
        Api.Response refused = t.admin().post(t.path("extensions"), Map.of("userId", t.adminUserId(), "number", number));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("number");
    }

    @Test
    void aRoomNumberStartingWithAnEmergencyNumberIsRefused() {
        TenantFixture t = newTenant("VN");
        assertThat(t.admin().post(t.path("conference-rooms"), Map.of("number", "1150")).errorFields()).containsExactly("number");
        assertThat(t.admin().post(t.path("conference-rooms"), Map.of("number", "8150")).status()).isEqualTo(201);
    }

    @Test
    void aTenantPrefixCannotTakeAnEmergencyNumberAway() {
        TenantFixture t = newTenant("PL");
        Api.Response refused = t.admin().post(t.path("prefixes"), Map.of("prefix", "112", "direction", "SPECIAL"));
        assertThat(refused.errorFields()).containsExactly("prefix");
        assertThat(t.admin().get(t.path("classify") + "?number=112").body().get("direction").asText()).isEqualTo("EMERGENCY");
    }

    @Test
    void onlyTheOperatorDeclaresNewEmergencyPrefixes() {
        TenantFixture t = newTenant("VN");
        Api.Response refused = t.admin().post(t.path("prefixes"), Map.of("prefix", "00", "direction", "EMERGENCY"));
        assertThat(refused.errorFields()).containsExactly("direction");
        assertThat(t.admin().get(t.path("classify") + "?number=0014155550123").body().get("direction").asText())
                .isEqualTo("INTERNATIONAL");
        Api.Response siteSecurity = operator.post(t.path("prefixes"), Map.of("prefix", "1199", "direction", "EMERGENCY",
                "description", "Site security"));
        assertThat(siteSecurity.status()).as(siteSecurity.toString()).isEqualTo(201);
    }
}
