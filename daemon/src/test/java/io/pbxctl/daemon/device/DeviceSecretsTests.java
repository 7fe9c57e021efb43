package io.pbxctl.daemon.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.secrets.SecretBox;
import io.pbxctl.daemon.system.PbxProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** SIP secrets of devices: generated or checked, sealed at rest, never shown but through the audited login details. */
class DeviceSecretsTests extends ApiTestSupport {

    private static final String STRONG_SECRET = "Phone-Secret-2026x";
    private static final String STAFF_PASSWORD = "Staff-Password-77";

    @Autowired
    private SecretBox box;
    @Autowired
    private PbxProperties properties;

    private static String sipUsername() {
        return "sip" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static Map<String, Object> device(long userId, String sipUsername, String secret, String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("userId", userId);
        body.put("sipUsername", sipUsername);
        if (secret != null) {
            body.put("secret", secret);
        }
        if (kind != null) {
            body.put("kind", kind);
        }
        return body;
    }

    private static Api.Response reveal(Api api, TenantFixture t, long deviceId) {
        return api.post(t.path("devices/" + deviceId + "/login-details"), null);
    }

    private static String revealedPassword(TenantFixture t, long deviceId) {
        Api.Response details = reveal(t.admin(), t, deviceId);
        assertThat(details.status()).as(details.toString()).isEqualTo(200);
        return details.body().get("password").asText();
    }

    /** Every property name anywhere in a JSON tree. */
    private static List<String> propertyNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(names::add);
        }
        node.elements().forEachRemaining(child -> names.addAll(propertyNames(child)));
        return names;
    }

    private static void assertCarriesNoSecret(Api.Response response, String secret) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        assertThat(propertyNames(response.body())).noneMatch(name -> name.toLowerCase().contains("secret")
                || name.toLowerCase().contains("password"));
        assertThat(response.raw().body()).doesNotContain(secret);
    }

    private long loginOf(TenantFixture t, long userId, String username, String role) {
        Api.Response login = t.admin().put(t.path("users/" + userId + "/login"),
                Map.of("username", username, "password", STAFF_PASSWORD, "role", role));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return userId;
    }

    @Test
    void deviceViewsNeverCarryTheGeneratedSecret() {
        TenantFixture t = newTenant();
        Api.Response created = t.admin().post(t.path("devices"), device(t.adminUserId(), sipUsername(), null, null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = revealedPassword(t, created.id());

        assertCarriesNoSecret(created, secret);
        assertCarriesNoSecret(t.admin().get(t.path("devices/" + created.id())), secret);
        Api.Response list = t.admin().get(t.path("devices"));
        assertThat(list.body().get("totalItems").asLong()).isEqualTo(1);
        assertCarriesNoSecret(list, secret);
    }

    @Test
    void secretIsStoredSealed() {
        TenantFixture t = newTenant();
        long id = t.create("devices", device(t.adminUserId(), sipUsername(), null, null));
        String secret = revealedPassword(t, id);

        String stored = jdbc.sql("SELECT secret_encrypted FROM device WHERE id = ?").param(id).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(secret);
        assertThat(box.open(stored)).isEqualTo(secret);
    }

    @Test
    void loginDetailsOfASoftphoneUseUdp() {
        TenantFixture t = newTenant();
        String sip = sipUsername();
        long id = t.create("devices", device(t.adminUserId(), sip, null, "SOFTPHONE"));

        Api.Response details = reveal(t.admin(), t, id);
        assertThat(details.status()).as(details.toString()).isEqualTo(200);
        assertThat(details.body().get("username").asText()).isEqualTo(sip);
        assertThat(details.body().get("password").asText()).hasSize(24).matches("[A-Za-z0-9]{24}");
        assertThat(details.body().get("server").asText()).isEqualTo(properties.sip().publicHost());
        assertThat(details.body().get("port").asInt()).isEqualTo(properties.sip().udpPort());
        assertThat(details.body().get("transport").asText()).isEqualTo("UDP");
    }

    @Test
    void loginDetailsOfAWebrtcDeviceUseWss() {
        TenantFixture t = newTenant();
        long id = t.create("devices", device(t.adminUserId(), sipUsername(), null, "WEBRTC"));

        Api.Response details = reveal(t.admin(), t, id);
        assertThat(details.status()).as(details.toString()).isEqualTo(200);
        assertThat(details.body().get("transport").asText()).isEqualTo("WSS");
        assertThat(details.body().get("port").asInt()).isEqualTo(properties.sip().wssPort());
    }

    @Test
    void revealIsAuditedWithoutThePassword() {
        TenantFixture t = newTenant();
        long id = t.create("devices", device(t.adminUserId(), sipUsername(), null, null));
        String secret = revealedPassword(t, id);

        Api.Response audit = t.admin().get(t.path("audit?action=REVEAL&entityType=device&entityId=" + id));
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        assertThat(audit.body().get("totalItems").asLong()).isEqualTo(1);
        JsonNode entry = audit.body().get("items").get(0);
        assertThat(entry.get("actor").asText()).isEqualTo(t.slug() + "-admin");
        assertThat(entry.get("tenantId").asLong()).isEqualTo(t.id());
        assertThat(audit.raw().body()).doesNotContain(secret);
        assertThat(jdbc.sql("SELECT CONCAT(COALESCE(before_json, ''), COALESCE(after_json, '')) FROM audit_entry WHERE tenant_id = ?")
                .param(t.id()).query(String.class).list()).noneMatch(json -> json.contains(secret));
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "alllowercaseletters", "Xy7-%s-Q!"})
    void weakChosenSecretIsRefused(String template) {
        TenantFixture t = newTenant();
        String sip = sipUsername();
        Api.Response refused = t.admin().post(t.path("devices"), device(t.adminUserId(), sip, template.formatted(sip), null));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("secret");
        assertThat(refused.body().get("errors").get(0).get("rule").asText()).isEqualTo("Strength");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM device WHERE sip_username = ?").param(sip).query(Long.class).single()).isZero();
    }

    @Test
    void strongChosenSecretIsWhatLoginDetailsReturn() {
        TenantFixture t = newTenant();
        long id = t.create("devices", device(t.adminUserId(), sipUsername(), STRONG_SECRET, "DESK_PHONE"));
        assertThat(revealedPassword(t, id)).isEqualTo(STRONG_SECRET);
    }

    @Test
    void updateWithoutSecretKeepsTheSecret() {
        TenantFixture t = newTenant();
        String sip = sipUsername();
        long id = t.create("devices", device(t.adminUserId(), sip, STRONG_SECRET, null));
        Map<String, Object> update = device(t.adminUserId(), sip, null, "DESK_PHONE");
        update.put("description", "Reception desk");
        Api.Response updated = t.admin().put(t.path("devices/" + id), update);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.body().get("description").asText()).isEqualTo("Reception desk");
        assertThat(revealedPassword(t, id)).isEqualTo(STRONG_SECRET);
    }

    @Test
    void sipUsernameIsUniqueAcrossTenants() {
        TenantFixture a = newTenant();
        TenantFixture b = newTenant();
        String sip = sipUsername();
        a.create("devices", device(a.adminUserId(), sip, null, null));
        Api.Response clash = b.admin().post(b.path("devices"), device(b.adminUserId(), sip, null, null));
        assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
        assertThat(clash.body().get("field").asText()).isEqualTo("sipUsername");
    }

    @Test
    void userRevealsTheirOwnDevice() {
        TenantFixture t = newTenant();
        long staffId = loginOf(t, t.create("users", Map.of("name", "Staff")), t.slug() + "-staff", "USER");
        long id = t.create("devices", device(staffId, sipUsername(), STRONG_SECRET, null));
        Api.Response details = reveal(as(t.slug() + "-staff", STAFF_PASSWORD), t, id);
        assertThat(details.status()).as(details.toString()).isEqualTo(200);
        assertThat(details.body().get("password").asText()).isEqualTo(STRONG_SECRET);
    }

    @Test
    void userCannotRevealAnotherUsersDevice() {
        TenantFixture t = newTenant();
        loginOf(t, t.create("users", Map.of("name", "Staff")), t.slug() + "-staff", "USER");
        long adminDevice = t.create("devices", device(t.adminUserId(), sipUsername(), STRONG_SECRET, null));
        Api.Response refused = reveal(as(t.slug() + "-staff", STAFF_PASSWORD), t, adminDevice);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.raw().body()).doesNotContain(STRONG_SECRET);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'REVEAL' AND entity_type = 'device' AND entity_id = ?").param(adminDevice)
                .query(Long.class).single()).isZero();
    }

    @Test
    void adminOfAnotherTenantCannotReveal() {
        TenantFixture a = newTenant();
        TenantFixture b = newTenant();
        long id = a.create("devices", device(a.adminUserId(), sipUsername(), STRONG_SECRET, null));
        Api.Response refused = reveal(b.admin(), a, id);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.raw().body()).doesNotContain(STRONG_SECRET);
    }
}
