package io.pbxctl.daemon.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.BrowserTestSupport;
import io.pbxctl.daemon.recording.RecordingFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The history's player in Chromium: a billing viewer plays a recorded call of the tenant (the
 * browser itself fetches and decodes the WAV), a user plays their own and no one else's.
 */
class RecordingPlayerBrowserTests extends BrowserTestSupport {

    private static final AtomicLong CALLS = new AtomicLong();

    @Autowired
    private CdrImporter importer;
    @Autowired
    private ApplicationContext context;
    @TempDir
    private Path dir;

    private TenantFixture tenant;
    private long bob;
    private Path recording;
    private long recordedCall;
    private long unrecordedCall;

    @BeforeEach
    void aRecordedAndAnUnrecordedCall() {
        tenant = newTenant("VN");
        person("Nguyễn Thị Hoà", "100");
        bob = person("Łukasz Żółć", "101");
        long carol = person("Carol", "102");
        String recorded = Instant.now().getEpochSecond() + "." + CALLS.incrementAndGet();
        String unrecorded = Instant.now().getEpochSecond() + "." + CALLS.incrementAndGet();
        String name = RecordingFixtures.name(tenant.slug(), recorded, "u" + bob);
        recording = RecordingFixtures.write(RecordingFixtures.directory(context), name, 2, true);
        String devices = "pbx~" + tenant.slug() + "~devices";
        Path file = dir.resolve("pbx-cdr.csv");
        CdrLines.append(file, List.of(
                CdrLines.call(recorded, Instant.now().minusSeconds(600), 2).from(tenant.slug() + "-100", "100")
                        .to("101", devices, tenant.slug() + "-101").set("pbx_recording(uservar)", name),
                CdrLines.call(unrecorded, Instant.now().minusSeconds(300), 40).from(tenant.slug() + "-100", "100")
                        .to("102", devices, tenant.slug() + "-102")));
        assertThat(importer.importFile(file)).isEqualTo(2);
        assertThat(RecordingFixtures.scan(context)).isPositive();
        recordedCall = callId(recorded);
        unrecordedCall = callId(unrecorded);
        assertThat(carol).isPositive();
    }

    /** The recordings registered here would wait for a mail (PENDING), and the mail tests count what a round sends. */
    @AfterEach
    void noRecordingLeftToMail() {
        jdbc.sql("DELETE FROM recording WHERE tenant_id IN (:tenants)").param("tenants", List.of(tenant.id())).update();
    }

    @Test
    void aBillingViewerSeesThePlayerOfTheRecordedCallAndTheBrowserPlaysIt() throws Exception {
        personWithLogin(tenant, "Kế toán viên", tenant.slug() + "-billing", "BILLING_VIEWER");
        logIn(tenant.slug() + "-billing", PASSWORD, "vi");

        assertThat(path()).isEqualTo("/portal/calls");
        WebElement player = byId("recording-" + recordedCall);
        assertThat(player.getTagName()).isEqualTo("audio");
        String src = player.getDomProperty("src");
        assertThat(src).endsWith("/portal/calls/" + recordedCall + "/recording");
        assertThat(byId("recording-download-" + recordedCall).getDomProperty("href")).isEqualTo(src);
        assertThat(browser.findElements(By.id("recording-" + unrecordedCall))).isEmpty();
        assertThat(texts("#calls tbody td:last-child")).contains("không");
        screenshot("calls-recording-billing-vi");

        @SuppressWarnings("unchecked")
        List<Object> fetched = (List<Object>) script("""
                return fetch(arguments[0]).then(r => r.arrayBuffer().then(b => [r.status, r.headers.get('Content-Type'), b.byteLength,
                    String.fromCharCode(...new Uint8Array(b, 0, 4))]));""", src);
        assertThat(fetched).containsExactly(200L, "audio/wav", Files.size(recording), "RIFF");

        script("const a = document.getElementById(arguments[0]); a.preload = 'auto'; a.load();", "recording-" + recordedCall);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> ((Number) script(
                "const a = document.getElementById(arguments[0]); return a.error ? -1 : a.readyState;", "recording-" + recordedCall))
                .intValue() != 0);
        assertThat(((Number) script("return document.getElementById(arguments[0]).readyState;", "recording-" + recordedCall)).intValue())
                .as("decoded, not refused").isPositive();
        assertThat(((Number) script("return document.getElementById(arguments[0]).duration;", "recording-" + recordedCall)).doubleValue())
                .isCloseTo(2.0, Offset.offset(0.1));
        screenshot("calls-recording-loaded-vi");

        var audit = tenant.admin().get(tenant.path("audit?entityType=recording&action=PLAY")).body().get("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("actor").asText()).isEqualTo(tenant.slug() + "-billing");
        assertThat(audit.get(0).get("after").get("via").asText()).isEqualTo("portal");
    }

    @Test
    void aUserPlaysTheRecordingOfTheirOwnCallAndNoOneElses() {
        Map<String, Object> login = Map.of("username", tenant.slug() + "-lukasz", "password", PASSWORD, "role", "USER");
        assertThat(tenant.admin().put(tenant.path("users/" + bob + "/login"), login).status()).isEqualTo(200);
        logIn(tenant.slug() + "-lukasz", PASSWORD, "pl");

        click("nav-calls");
        assertThat(text("calls-total")).isEqualTo("Połączenia: 1");
        String src = byId("recording-" + recordedCall).getDomProperty("src");
        assertThat(downloadWithSession(src).body()).isEqualTo(bytes(recording));
        assertThat(text("recording-download-" + recordedCall)).isEqualTo("Pobierz");
        screenshot("calls-recording-user-pl");

        open("/portal/calls/" + unrecordedCall + "/recording");
        assertThat(text("error-message")).isEqualTo("Ten obiekt nie istnieje (już).");
        screenshot("recording-refused-pl");
        open("/portal/calls/abc/recording");
        assertThat(text("error-message")).isEqualTo("Ten obiekt nie istnieje (już).");
    }

    private long person(String name, String extension) {
        long user = tenant.create("users", Map.of("name", name));
        tenant.create("extensions", Map.of("userId", user, "number", extension));
        tenant.create("devices", Map.of("userId", user, "sipUsername", tenant.slug() + "-" + extension));
        return user;
    }

    private long callId(String uniqueid) {
        return jdbc.sql("SELECT id FROM call_record WHERE tenant_id = ? AND uniqueid = ?").params(tenant.id(), uniqueid).query(Long.class)
                .single();
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
