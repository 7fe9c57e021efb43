package io.pbxctl.daemon.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.BrowserTestSupport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A tenant admin's pages in Chromium: directory search, a user's page, devices, account codes, conference rooms. */
class PortalAdminBrowserTests extends BrowserTestSupport {

    private TenantFixture tenant;
    private long sales;
    private long hoa;
    private long lukasz;

    @BeforeEach
    void people() {
        tenant = newTenant("VN");
        sales = tenant.create("departments", Map.of("name", "Kinh doanh"));
        long accounts = tenant.create("departments", Map.of("name", "Kế toán"));
        hoa = person("Nguyễn Thị Hoà", "101", "0912345678", sales);
        lukasz = person("Łukasz Żółć", "202", "0987654321", accounts);
    }

    @Test
    void theDirectoryIsSearchableByDepartmentNameExtensionNumberAndAnyOfThem() {
        logIn(tenant.slug() + "-admin", PASSWORD, "vi");

        search("search-department", "Kinh");
        assertThat(names()).containsExactly("Nguyễn Thị Hoà");
        assertThat(texts("#directory tbody tr[data-user='" + hoa + "'] td").get(4)).contains(tenant.slug() + "-101");
        assertThat(texts("#directory div[data-device='" + tenant.slug() + "-101'] .registration"))
                .as("the test daemon has no AMI connection").containsExactly("không rõ (không kết nối được Asterisk)");
        screenshot("directory-search-vi");
        search("search-name", "Żółć");
        assertThat(byId("search-name").getAttribute("value")).as("the search is shown again").isEqualTo("Żółć");
        assertThat(names()).containsExactly("Łukasz Żółć");
        search("search-extension", "10");
        assertThat(names()).containsExactly("Nguyễn Thị Hoà");
        search("search-number", "87654");
        assertThat(names()).containsExactly("Łukasz Żółć");
        search("search-q", "toan");
        assertThat(names()).as("the department Kế toán, found without diacritics").containsExactly("Łukasz Żółć");
        search("search-q", "zzz");
        assertThat(names()).isEmpty();
        assertThat(text("directory-total")).isEqualTo("0 người");
    }

    @Test
    void aUsersPageShowsEachRefusalNextToItsFieldInTheChosenLanguageAndSavesEverything() {
        logIn(tenant.slug() + "-admin", PASSWORD, "pl");
        open("/portal/users/" + hoa);
        type("name", " ");
        type("email", "not-an-email");
        type("realNumber", "12ab");
        type("monthlyQuotaMinutes", "dużo");
        type("description", "a;b");
        click("user-save");

        assertThat(errorsOf("monthlyQuotaMinutes")).as("as in the API, a value that does not convert is answered first")
                .containsExactly("musi być całkowitą liczbą minut");
        assertThat(byId("monthlyQuotaMinutes").getAttribute("value")).as("what was typed stays").isEqualTo("dużo");
        assertThat(byId("email").getAttribute("value")).isEqualTo("not-an-email");

        type("monthlyQuotaMinutes", "-5");
        click("user-save");
        assertThat(errorsOf("name")).containsExactly("nie może być puste");
        assertThat(errorsOf("email")).containsExactly("musi być adresem e-mail, np. imie@example.com");
        assertThat(errorsOf("realNumber")).containsExactly("musi mieć od 3 do 20 cyfr, bez spacji i znaku +");
        assertThat(errorsOf("monthlyQuotaMinutes")).containsExactly("musi wynosić 0 lub więcej; puste oznacza brak limitu");
        assertThat(errorsOf("description")).hasSize(1).allMatch(m -> m.startsWith("nie może zawierać podziałów wiersza"));
        screenshot("user-refused-pl");
        assertThat(user(hoa).get("name").asText()).as("nothing saved").isEqualTo("Nguyễn Thị Hoà");

        type("name", "Nguyễn Thị Hoà Bình");
        type("email", "hoa@example.vn");
        type("realNumber", "0911111111");
        type("monthlyQuotaMinutes", "120");
        type("description", "Trưởng nhóm");
        choose("callClass", "INTERNATIONAL");
        click("closed-MOBILE");
        choose("outboundEnabled", "false");
        choose("needsAccountCode", "true");
        choose("autoAnswer", "true");
        choose("callWaiting", "false");
        choose("recordingMode", "ALL");
        type("recordingEmail", "rec@example.vn");
        choose("supervisorId", Long.toString(lukasz));
        choose("language", "vi");
        click("user-save");

        assertThat(byId("saved").getText()).isEqualTo("Zapisano.");
        JsonNode saved = user(hoa);
        assertThat(saved.get("name").asText()).isEqualTo("Nguyễn Thị Hoà Bình");
        assertThat(saved.get("email").asText()).isEqualTo("hoa@example.vn");
        assertThat(saved.get("departmentId").asLong()).isEqualTo(sales);
        assertThat(saved.get("callClass").asText()).isEqualTo("INTERNATIONAL");
        assertThat(saved.get("closedDirections").toString()).isEqualTo("[\"MOBILE\"]");
        assertThat(saved.get("outboundEnabled").asBoolean()).isFalse();
        assertThat(saved.get("needsAccountCode").asBoolean()).isTrue();
        assertThat(saved.get("autoAnswer").asBoolean()).isTrue();
        assertThat(saved.get("callWaiting").asBoolean()).isFalse();
        assertThat(saved.get("quota").get("monthlyMinutes").asInt()).isEqualTo(120);
        assertThat(saved.get("recordingMode").asText()).isEqualTo("ALL");
        assertThat(saved.get("recordingEmail").asText()).isEqualTo("rec@example.vn");
        assertThat(saved.get("supervisorId").asLong()).isEqualTo(lukasz);
        assertThat(text("quota-remaining")).isEqualTo("120 min");
        screenshot("user-saved-pl");
    }

    @Test
    void devicesShowTheirLoginDetailsAndAccountCodesAreIssuedOnce() {
        TenantFixture other = newTenant("VN");
        other.create("devices", Map.of("userId", other.adminUserId(), "sipUsername", other.slug() + "-taken"));
        logIn(tenant.slug() + "-admin", PASSWORD, "en");
        open("/portal/users/" + hoa);
        click("user-devices");

        type("sipUsername", "x");
        click("device-add");
        assertThat(errorsOf("sipUsername")).containsExactly("must be 3 to 40 ASCII letters, digits, '.', '_' or '-'");
        type("sipUsername", other.slug() + "-taken");
        click("device-add");
        assertThat(errorsOf("sipUsername")).containsExactly("is already used on this server");
        type("sipUsername", tenant.slug() + "-hoa-desk");
        choose("kind", "DESK_PHONE");
        type("description", "Bàn làm việc");
        click("device-add");
        assertThat(text("saved")).isEqualTo("Device added.");
        screenshot("devices-en");

        WebElement row = browser.findElement(By.cssSelector("#devices tr[data-device='" + tenant.slug() + "-hoa-desk']"));
        click(row.findElement(By.cssSelector("button.show-login")));
        long deviceId = jdbc.sql("SELECT id FROM device WHERE sip_username = ?").param(tenant.slug() + "-hoa-desk").query(Long.class).single();
        Api.Response reveal = tenant.admin().post(tenant.path("devices/" + deviceId + "/login-details"), null);
        assertThat(text("detail-username")).isEqualTo(tenant.slug() + "-hoa-desk");
        assertThat(text("detail-password")).isEqualTo(reveal.body().get("password").asText()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(text("detail-transport")).isEqualTo("UDP");
        screenshot("device-login-details");

        open("/portal/users/" + hoa + "/account-codes");
        type("code", "12");
        click("code-add");
        assertThat(errorsOf("code")).containsExactly("must be 4 to 12 digits");
        type("code", "");
        type("label", "Dự án A");
        click("code-add");
        assertThat(text("issued-code")).matches("[0-9]{8}");
        assertThat(texts("#account-codes tbody td:first-child")).containsExactly("Dự án A");
        screenshot("account-codes-en");
        click(browser.findElement(By.cssSelector("#account-codes button.delete")));
        assertThat(browser.findElements(By.cssSelector("#account-codes tbody tr"))).isEmpty();
    }

    @Test
    void conferenceRoomsAreCreatedEditedAndDeleted() {
        logIn(tenant.slug() + "-admin", PASSWORD, "en");
        click("nav-conferences");
        click("conference-new");
        type("number", "5000");
        type("pin", "12");
        script("document.getElementById('startTime').value = '2026-12-01T09:30'");
        click("conference-save");
        assertThat(errorsOf("pin")).containsExactly("must be 4 to 12 digits");
        type("pin", "4321");
        click("conference-save");
        assertThat(errorsOf("durationMinutes")).containsExactly("start and duration go together: give both, or neither for a room that is always open");
        assertThat(byId("startTime").getAttribute("value")).isEqualTo("2026-12-01T09:30");
        screenshot("conference-refused");

        type("durationMinutes", "90");
        choose("hostUserId", Long.toString(hoa));
        type("description", "Họp giao ban");
        click("conference-save");
        assertThat(path()).isEqualTo("/portal/conferences");
        assertThat(texts("#conferences tr[data-room='5000'] td")).startsWith("5000", "2026-12-01 09:30", "90", "4321", "Nguyễn Thị Hoà",
                "Họp giao ban", "unknown (Asterisk not reachable)");
        screenshot("conferences");

        click(browser.findElement(By.linkText("5000")));
        type("description", "Zebranie zarządu");
        click("conference-save");
        assertThat(texts("#conferences tr[data-room='5000'] td").get(5)).isEqualTo("Zebranie zarządu");

        click("conference-new");
        type("number", "5000");
        click("conference-save");
        assertThat(errorsOf("number")).containsExactly("is already used in this tenant (by an extension or another room)");

        click("nav-conferences");
        click(browser.findElement(By.cssSelector("#conferences tr[data-room='5000'] button.delete")));
        assertThat(browser.findElements(By.cssSelector("#conferences tbody tr"))).isEmpty();
    }

    private void search(String field, String value) {
        open("/portal/directory");
        type(field, value);
        click("directory-submit");
    }

    private List<String> names() {
        return texts("#directory tbody tr td:nth-child(2)");
    }

    private JsonNode user(long id) {
        return tenant.admin().get(tenant.path("users/" + id)).body();
    }

    private long person(String name, String extension, String realNumber, long department) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("realNumber", realNumber);
        body.put("departmentId", department);
        long user = tenant.create("users", body);
        tenant.create("extensions", Map.of("userId", user, "number", extension));
        tenant.create("devices", Map.of("userId", user, "sipUsername", tenant.slug() + "-" + extension));
        return user;
    }
}
