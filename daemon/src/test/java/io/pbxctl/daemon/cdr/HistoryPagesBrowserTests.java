package io.pbxctl.daemon.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.BrowserTestSupport;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** Call history, statistics and exports in Chromium, for a billing viewer (history only) and for a user (own calls only). */
class HistoryPagesBrowserTests extends BrowserTestSupport {

    @Autowired
    private CdrImporter importer;
    @TempDir
    private Path dir;

    private TenantFixture tenant;
    private long bob;

    @BeforeEach
    void calls() {
        tenant = newTenant("VN");
        long alice = person("Nguyễn Thị Hoà", "100");
        bob = person("Łukasz Żółć", "101");
        Instant today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant().plusSeconds(60);
        String devices = "pbx~" + tenant.slug() + "~devices";
        Path file = dir.resolve("pbx-cdr.csv");
        CdrLines.append(file, List.of(
                CdrLines.call(id(), today, 30).from(tenant.slug() + "-100", "100").to("101", devices, tenant.slug() + "-101"),
                CdrLines.call(id(), today.plusSeconds(120), 95).from(tenant.slug() + "-101", "101").to("0912345678", devices, null)
                        .set("dstchannel", "PJSIP/trunk~" + tenant.slug() + "~carrier-0000000c"),
                CdrLines.call(id(), today.plusSeconds(300), 0).from(tenant.slug() + "-100", "100").to("0241234567", devices, null)));
        assertThat(importer.importFile(file)).isEqualTo(3);
        assertThat(alice).isPositive();
    }

    @Test
    void aBillingViewerSeesHistoryStatisticsAndExportsAndNothingElse() {
        personWithLogin(tenant, "Kế toán viên", tenant.slug() + "-billing", "BILLING_VIEWER");
        logIn(tenant.slug() + "-billing", PASSWORD, "pl");

        assertThat(path()).isEqualTo("/portal/calls");
        assertThat(text("calls-total")).isEqualTo("Połączenia: 3");
        assertThat(texts("header nav a")).containsExactly("Historia połączeń", "Statystyki", "Hasło");
        screenshot("calls-billing-pl");

        choose("userId", Long.toString(bob));
        click("calls-submit");
        assertThat(text("calls-total")).isEqualTo("Połączenia: 1");
        HttpResponse<byte[]> csv = downloadWithSession(byId("export-csv").getAttribute("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(utf8(csv.body())).contains("0912345678").contains("Łukasz Żółć").doesNotContain("0241234567");
        HttpResponse<byte[]> xlsx = downloadWithSession(byId("export-xlsx").getAttribute("href"));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith((byte) 'P', (byte) 'K');

        open("/portal/calls?from=jutro");
        assertThat(errorsOf("from")).containsExactly("musi być datą, np. 2026-11-01");

        click("nav-statistics");
        choose("groupBy", "user");
        click("statistics-submit");
        assertThat(text("statistics-total")).startsWith("Połączenia: 3, odebrane: 2");
        assertThat(browser.findElements(By.cssSelector("#chart rect.bar"))).hasSize(2);
        assertThat(texts("#statistics tbody td:first-child")).containsExactlyInAnyOrder("Nguyễn Thị Hoà", "Łukasz Żółć");
        screenshot("statistics-billing-pl");

        for (String page : List.of("/portal/directory", "/portal/conferences", "/portal/me", "/portal/me/devices",
                "/portal/users/" + bob)) {
            open(page);
            assertThat(text("error-message")).as(page).isEqualTo("Ten login nie może otworzyć tej strony.");
        }
    }

    @Test
    void aUserSeesOnlyTheirOwnCalls() {
        TenantFixture own = tenant;
        Map<String, Object> login = Map.of("username", own.slug() + "-lukasz", "password", PASSWORD, "role", "USER");
        assertThat(own.admin().put(own.path("users/" + bob + "/login"), login).status()).isEqualTo(200);
        logIn(own.slug() + "-lukasz", PASSWORD, "en");

        click("nav-calls");
        assertThat(text("calls-total")).isEqualTo("2 calls");
        assertThat(browser.findElements(By.id("userId"))).as("no choice of person").isEmpty();
        screenshot("calls-user-en");
    }

    private long person(String name, String extension) {
        long user = tenant.create("users", Map.of("name", name));
        tenant.create("extensions", Map.of("userId", user, "number", extension));
        tenant.create("devices", Map.of("userId", user, "sipUsername", tenant.slug() + "-" + extension));
        return user;
    }

    private static String id() {
        return "test-" + UUID.randomUUID();
    }
}
