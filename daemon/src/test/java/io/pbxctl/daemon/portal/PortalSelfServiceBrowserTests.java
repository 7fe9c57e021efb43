package io.pbxctl.daemon.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.BrowserTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A person's own pages in Chromium: settings, devices with login details, account code reset, password. */
class PortalSelfServiceBrowserTests extends BrowserTestSupport {

    @Test
    void aPersonChangesTheirOwnSettingsSeesTheirDevicesAndResetsTheirAccountCode() {
        TenantFixture tenant = newTenant("VN");
        long minh = personWithLogin(tenant, "Phạm Văn Minh", tenant.slug() + "-minh", "USER");
        long device = tenant.create("devices", Map.of("userId", minh, "sipUsername", tenant.slug() + "-minh", "kind", "WEBRTC"));
        tenant.create("devices", Map.of("userId", tenant.adminUserId(), "sipUsername", tenant.slug() + "-boss"));
        long code = tenant.create("account-codes", Map.of("userId", minh, "code", "24680", "label", "Minh"));
        String oldHash = hash(code);

        logIn(tenant.slug() + "-minh", PASSWORD, "vi");
        assertThat(path()).isEqualTo("/portal/me");
        assertThat(browser.findElements(By.id("nav-directory"))).isEmpty();
        type("email", "minh@");
        click("me-save");
        assertThat(errorsOf("email")).containsExactly("phải là địa chỉ e-mail, ví dụ ten@example.com");
        type("email", "minh@example.vn");
        choose("callWaiting", "false");
        choose("autoAnswer", "true");
        click("me-save");
        assertThat(text("saved")).isEqualTo("Đã lưu.");
        JsonNode me = tenant.admin().get(tenant.path("users/" + minh)).body();
        assertThat(me.get("email").asText()).isEqualTo("minh@example.vn");
        assertThat(me.get("callWaiting").asBoolean()).isFalse();
        assertThat(me.get("autoAnswer").asBoolean()).isTrue();
        screenshot("me-vi");

        click("my-devices");
        assertThat(texts("#devices tbody td:first-child")).containsExactly(tenant.slug() + "-minh");
        screenshot("my-devices-vi");
        click(browser.findElement(By.cssSelector("button.show-login")));
        Api.Response reveal = tenant.admin().post(tenant.path("devices/" + device + "/login-details"), null);
        assertThat(text("detail-password")).isEqualTo(reveal.body().get("password").asText());
        assertThat(text("detail-transport")).isEqualTo("WSS");

        open("/portal/me/account-codes");
        click(browser.findElement(By.cssSelector("#account-codes tr[data-code='" + code + "'] button.reset")));
        assertThat(text("issued-code")).matches("[0-9]{8}");
        assertThat(hash(code)).as("the old code no longer works").isNotEqualTo(oldHash);
        screenshot("my-account-codes-vi");

        open("/portal/conferences");
        assertThat(text("error-message")).isEqualTo("Tài khoản này không được phép mở trang này.");
        open("/portal/users/" + tenant.adminUserId() + "/devices");
        assertThat(text("error-message")).isEqualTo("Tài khoản này không được phép mở trang này.");
    }

    @Test
    void everyLoginChangesItsOwnPasswordUnderTheSameRulesAsTheApi() {
        TenantFixture tenant = newTenant("PL");
        personWithLogin(tenant, "Zofia Łęcka", tenant.slug() + "-zofia", "USER");
        logIn(tenant.slug() + "-zofia", PASSWORD, "pl");
        click("nav-password");
        type("currentPassword", "not-" + PASSWORD);
        type("newPassword", "short");
        click("password-save");
        assertThat(errorsOf("currentPassword")).containsExactly("nie jest Twoim obecnym hasłem");
        screenshot("password-refused-pl");

        type("currentPassword", PASSWORD);
        type("newPassword", "short");
        click("password-save");
        assertThat(errorsOf("newPassword")).hasSize(1).allMatch(m -> m.startsWith("jest za słabe"));

        type("currentPassword", PASSWORD);
        type("newPassword", "Nowe-Haslo-2026!");
        click("password-save");
        assertThat(text("saved")).isEqualTo("Hasło zostało zmienione.");
        assertThat(as(tenant.slug() + "-zofia", "Nowe-Haslo-2026!").get("/api/v1/me").status()).isEqualTo(200);
    }

    private String hash(long code) {
        return jdbc.sql("SELECT code_hash FROM account_code WHERE id = ?").param(code).query(String.class).single();
    }
}
