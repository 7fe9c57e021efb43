package io.pbxctl.daemon.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.cdr.CdrImports;
import io.pbxctl.daemon.cdr.CdrLines;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Finished recordings reach their users by mail: the scan registers what MixMonitor marked as
 * finished (empty ones are never sent), each recording is mailed once in the user's language,
 * attached or as an expiring link that the daemon serves, and SMTP failures are retried later.
 * Mail goes to a real SMTP server in this JVM (GreenMail); the mailers are built here with it.
 */
class RecordingMailTests extends ApiTestSupport {

    private static final AtomicLong CALLS = new AtomicLong();

    @Autowired
    private RecordingScan scan;
    @Autowired
    private RecordingProperties properties;
    @Autowired
    private ApplicationContext context;
    @TempDir
    private Path cdrFiles;

    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void finishedRecordingsAreRegisteredOnceAndEmptyOrUnfinishedOnesAreNotMailed() throws Exception {
        TenantFixture tenant = newTenant("VN");
        long user = tenant.create("users", Map.of("name", "Lan", "recordingEmail", "lan@example.com"));
        Path spoken = recording(tenant.slug(), "u" + user, 3, true);
        Path unanswered = recording(tenant.slug(), "u" + user, 0, true);
        Path inProgress = recording(tenant.slug(), "u" + user, 2, false);
        Path strangers = recording("nosuchtenant", "u" + user, 2, true);
        String desk = tenant.slug() + "-desk";
        tenant.create("devices", Map.of("userId", user, "sipUsername", desk, "kind", "DESK_PHONE"));
        Path madeFromTheDesk = recording(tenant.slug(), "d" + desk, 1, true);

        scan.scan();
        scan.scan();

        assertThat(state(spoken)).isEqualTo("PENDING");
        assertThat(state(unanswered)).isEqualTo("EMPTY");
        assertThat(rows(inProgress)).isZero();
        assertThat(rows(strangers)).isZero();
        assertThat(jdbc.sql("SELECT duration_seconds FROM recording WHERE file_path = ?").param(relative(spoken)).query(Integer.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT CONCAT(owner_kind, ' ', user_id) FROM recording WHERE file_path = ?").param(relative(madeFromTheDesk))
                .query(String.class).single()).isEqualTo("CALLER " + user);
        assertThat(marker(spoken)).doesNotExist();
        assertThat(Path.of(marker(strangers) + RecordingScan.IGNORED_SUFFIX)).exists();

        RecordingMailer mailer = mailer(properties.mailAttachMaxBytes());
        mailer.sendDue();
        mailer.sendDue();
        assertThat(smtp.getReceivedMessagesForDomain("example.com")).hasSize(2);
        assertThat(state(spoken)).isEqualTo("SENT");
        assertThat(state(unanswered)).isEqualTo("EMPTY");
    }

    @Test
    void aSmallRecordingIsAttachedAndTheMailIsInTheUsersLanguage() throws Exception {
        TenantFixture tenant = newTenant("PL");
        long user = tenant.create("users", Map.of("name", "Ewa", "language", "pl", "recordingEmail", "ewa@example.pl"));
        Path file = recording(tenant.slug(), "u" + user, 2, true);
        scan.scan();

        assertThat(mailer(1_000_000).sendDue().sent()).isEqualTo(1);

        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ewa@example.pl");
        assertThat(mail.getSubject()).startsWith("Nagranie rozmowy z ");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(textOf(parts)).contains("Dzień dobry Ewa,", "Długość nagrania: 0:00:02", "Rozmowa: przychodząca", "Nagranie jest w załączniku.");
        Part attachment = parts.getBodyPart(1);
        assertThat(attachment.getFileName()).endsWith(".wav");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aLargeRecordingGetsAnExpiringLinkThatTheDaemonServesAndNothingElse() throws Exception {
        TenantFixture tenant = newTenant("VN");
        long user = tenant.create("users", Map.of("name", "Minh", "language", "en", "recordingEmail", "minh@example.vn"));
        Path file = recording(tenant.slug(), "u" + user, 2, true);
        scan.scan();

        mailer(100).sendDue();

        String body = (String) smtp.getReceivedMessages()[0].getContent();
        Matcher link = Pattern.compile("/recordings/download/([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        String token = link.group(1);
        HttpResponse<byte[]> download = download("/recordings/download/" + token);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("audio/wav");
        assertThat(download.body()).isEqualTo(Files.readAllBytes(file));

        String other = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        assertThat(download("/recordings/download/" + other).statusCode()).isEqualTo(404);
        assertThat(download("/recordings/download/..%2F..%2F..%2Fetc%2Fpasswd").statusCode()).isIn(400, 404);
        assertThat(download("/recordings/" + relative(file)).statusCode()).isEqualTo(401);

        jdbc.sql("UPDATE recording SET link_expires_at = ? WHERE file_path = ?")
                .params(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1), relative(file)).update();
        assertThat(download("/recordings/download/" + token).statusCode()).isEqualTo(410);
    }

    @Test
    void anSmtpFailureIsRetriedLaterAndTwoDaemonsNeverSendOneRecordingTwice() throws Exception {
        TenantFixture tenant = newTenant("VN");
        long user = tenant.create("users", Map.of("name", "Hoa", "recordingEmail", "hoa@example.org"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            files.add(recording(tenant.slug(), "u" + user, 1, true));
        }
        scan.scan();
        int nobodyListens;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobodyListens = closed.getLocalPort();
        }

        RecordingMailer.Round failed = mailer(1_000_000, nobodyListens).sendDue();
        assertThat(failed.sent()).isZero();
        assertThat(failed.failures()).hasSize(files.size());
        Path first = files.get(0);
        assertThat(state(first)).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT mail_attempts FROM recording WHERE file_path = ?").param(relative(first)).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT next_attempt_at > UTC_TIMESTAMP(3) + INTERVAL 50 SECOND FROM recording WHERE file_path = ?")
                .param(relative(first)).query(Boolean.class).single()).isTrue();
        assertThat(mailer(1_000_000, nobodyListens).sendDue().failures()).as("not due again before its delay").isEmpty();

        jdbc.sql("UPDATE recording SET next_attempt_at = UTC_TIMESTAMP(3) WHERE tenant_id = ?").param(tenant.id()).update();
        int port = smtp.getSmtp().getPort();
        ExecutorService daemons = Executors.newFixedThreadPool(2);
        try {
            List<Callable<RecordingMailer.Round>> two = List.of(() -> mailer(1_000_000, port).sendDue(), () -> mailer(1_000_000, port).sendDue());
            int sent = 0;
            for (Future<RecordingMailer.Round> round : daemons.invokeAll(two)) {
                sent += round.get().sent();
            }
            assertThat(sent).isEqualTo(files.size());
        } finally {
            daemons.shutdown();
        }
        assertThat(smtp.getReceivedMessages()).hasSize(files.size());
        for (Path file : files) {
            assertThat(state(file)).isEqualTo("SENT");
        }
    }

    @Test
    void theMailDescribesTheAnsweredLegAsTheUserSawItInTheirLanguageAndTimeZone() throws Exception {
        TenantFixture tenant = newTenant("PL");
        long ewa = tenant.create("users", Map.of("name", "Ewa", "language", "pl", "recordingEmail", "ewa@example.pl"));
        tenant.create("extensions", Map.of("userId", ewa, "number", "100"));
        tenant.create("devices", Map.of("userId", ewa, "sipUsername", tenant.slug() + "-desk"));
        tenant.create("devices", Map.of("userId", ewa, "sipUsername", tenant.slug() + "-soft"));
        String callId = "1763800000." + CALLS.incrementAndGet();
        Instant start = Instant.parse("2026-11-22T07:15:00Z");
        String trunk = "trunk~" + tenant.slug() + "~carrier";
        String extensions = "pbx~" + tenant.slug() + "~extensions";
        importRecords(List.of(
                CdrLines.call(callId, start, 0).from(trunk, "48221234567").set("clid", "\"Łukasz Żółć\" <48221234567>")
                        .to("100", extensions, tenant.slug() + "-desk"),
                CdrLines.call(callId, start, 65).from(trunk, "48221234567").set("clid", "\"Łukasz Żółć\" <48221234567>")
                        .to("100", extensions, tenant.slug() + "-soft")));
        recording(tenant.slug(), callId, "u" + ewa, 2, true);
        scan.scan();

        mailer(1_000_000, smtp.getSmtp().getPort(), Duration.ofMinutes(5)).sendDue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        String zone = operator.get("/api/v1/tenants/" + tenant.id()).body().get("timeZone").asText();
        String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(start.atZone(ZoneId.of(zone)));
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("Nagranie rozmowy z " + local + " (" + zone + ")");
        assertThat(textOf((Multipart) mail.getContent())).contains("Początek: " + local + " (" + zone + ")",
                "Dzwoniący: 48221234567 (Łukasz Żółć)", "Odbierający: 100 (Ewa)", "Rodzaj: przychodzące", "Czas rozmowy: 0:01:05",
                "Długość nagrania: 0:00:02", "Rozmowa: przychodząca").doesNotContain("nie były jeszcze w historii");
    }

    @Test
    void anOutboundCallsMailNamesTheCallerAndTheDialledNumberInVietnamese() throws Exception {
        TenantFixture tenant = newTenant("VN");
        long minh = tenant.create("users", Map.of("name", "Trần Minh", "language", "vi", "recordingEmail", "minh@example.vn"));
        String desk = tenant.slug() + "-desk";
        tenant.create("devices", Map.of("userId", minh, "sipUsername", desk));
        String callId = "1763800000." + CALLS.incrementAndGet();
        importRecords(List.of(CdrLines.call(callId, Instant.parse("2026-11-22T02:00:00Z"), 30).from(desk, "0241234567")
                .set("clid", "\"\" <0241234567>").to("0912345678", "pbx~" + tenant.slug() + "~devices", null)
                .set("dstchannel", "PJSIP/trunk~" + tenant.slug() + "~carrier-0000000c")));
        recording(tenant.slug(), callId, "d" + desk, 1, true);
        scan.scan();

        mailer(1_000_000, smtp.getSmtp().getPort(), Duration.ofMinutes(5)).sendDue();

        assertThat(textOf((Multipart) smtp.getReceivedMessages()[0].getContent())).contains(
                "Bắt đầu: 2026-11-22 09:00:00 (Asia/Ho_Chi_Minh)", "Người gọi: 0241234567 (Trần Minh)", "Người nghe: 0912345678",
                "Loại cuộc gọi: di động", "Thời gian đàm thoại: 0:00:30", "Cuộc gọi: bạn gọi đi");
    }

    @Test
    void aRecordingWaitsForItsCallRecordAndIsMailedOnceWhenTheRecordArrives() throws Exception {
        Recorded recorded = recordedDeskCall();
        RecordingMailer mailer = mailer(1_000_000, smtp.getSmtp().getPort(), Duration.ofMinutes(5));

        mailer.sendDue();
        assertThat(smtp.getReceivedMessages()).as("no call record yet").isEmpty();
        assertThat(state(recorded.file())).isEqualTo("PENDING");
        assertThat(jdbc.sql("SELECT mail_attempts FROM recording WHERE file_path = ?").param(relative(recorded.file()))
                .query(Integer.class).single()).as("waiting is not an attempt").isZero();

        importRecords(List.of(CdrLines.call(recorded.callId(), Instant.parse("2026-11-22T02:00:00Z"), 20)
                .from(recorded.desk(), "0241234567").to("0912345678", "pbx~" + recorded.tenant().slug() + "~devices", null)));
        mailer.sendDue();
        mailer.sendDue();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(textOf((Multipart) smtp.getReceivedMessages()[0].getContent())).contains("To: 0912345678", "Talk time: 0:00:20");
        assertThat(state(recorded.file())).isEqualTo("SENT");
    }

    @Test
    void aRecordingWhoseCallRecordDoesNotComeInTimeIsMailedWithoutNumbersAndNeverAgain() throws Exception {
        Recorded recorded = recordedDeskCall();
        jdbc.sql("UPDATE recording SET registered_at = registered_at - INTERVAL 6 MINUTE WHERE file_path = ?")
                .param(relative(recorded.file())).update();
        RecordingMailer mailer = mailer(1_000_000, smtp.getSmtp().getPort(), Duration.ofMinutes(5));

        mailer.sendDue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        String text = textOf((Multipart) smtp.getReceivedMessages()[0].getContent());
        assertThat(text).contains("Recording length: 0:00:01", "The numbers and talk time of this call were not yet in the call history")
                .doesNotContain("From:", "Talk time:");

        importRecords(List.of(CdrLines.call(recorded.callId(), Instant.now(), 20).from(recorded.desk(), "0241234567")
                .to("0912345678", "pbx~" + recorded.tenant().slug() + "~devices", null)));
        mailer.sendDue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(state(recorded.file())).isEqualTo("SENT");
    }

    private record Recorded(TenantFixture tenant, String desk, String callId, Path file) {
    }

    /** An English user's desk phone made a call whose finished recording is registered, without a call record yet. */
    private Recorded recordedDeskCall() throws IOException {
        TenantFixture tenant = newTenant("VN");
        long user = tenant.create("users", Map.of("name", "Lan", "language", "en", "recordingEmail", "lan@example.com"));
        String desk = tenant.slug() + "-desk";
        tenant.create("devices", Map.of("userId", user, "sipUsername", desk));
        String callId = "1763800000." + CALLS.incrementAndGet();
        Path file = recording(tenant.slug(), callId, "d" + desk, 1, true);
        scan.scan();
        return new Recorded(tenant, desk, callId, file);
    }

    private void importRecords(List<CdrLines> records) throws IOException {
        Path file = Files.createTempFile(cdrFiles, "pbx-cdr", ".csv");
        CdrLines.append(file, records);
        assertThat(CdrImports.importFile(context, file)).isEqualTo(records.size());
    }

    /** A GET as a mail client's browser makes it: no login, any content type. */
    private HttpResponse<byte[]> download(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private RecordingMailer mailer(long attachMaxBytes) {
        return mailer(attachMaxBytes, smtp.getSmtp().getPort());
    }

    /** A mailer that sends at once, whether or not the call record is there (the recordings of these tests have none). */
    private RecordingMailer mailer(long attachMaxBytes, int port) {
        return mailer(attachMaxBytes, port, Duration.ZERO);
    }

    private RecordingMailer mailer(long attachMaxBytes, int port, Duration callRecordWait) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        RecordingProperties settings = new RecordingProperties(properties.directory(), properties.scanInterval(), properties.mailInterval(),
                attachMaxBytes, properties.linkLifetime(), properties.linkBaseUrl(), "pbx@example.net", properties.retryInitial(),
                properties.retryMax(), properties.maxAttempts(), properties.sendTimeout(), properties.retentionCron(), callRecordWait);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mail", sender));
        return new RecordingMailer(jdbc, beans.getBeanProvider(JavaMailSender.class), settings);
    }

    /** A recording as MixMonitor leaves it: 8 kHz 16-bit mono WAV, with its marker when finished. */
    private Path recording(String slug, String owner, int seconds, boolean finished) {
        return recording(slug, "1763800000." + CALLS.incrementAndGet(), owner, seconds, finished);
    }

    private Path recording(String slug, String callId, String owner, int seconds, boolean finished) {
        return RecordingFixtures.write(properties.directory(), RecordingFixtures.name(slug, callId, owner), seconds, finished);
    }

    private static Path marker(Path file) {
        return RecordingFixtures.marker(file);
    }

    private String relative(Path file) {
        return properties.directory().toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString();
    }

    private String state(Path file) {
        return jdbc.sql("SELECT mail_state FROM recording WHERE file_path = ?").param(relative(file)).query(String.class).single();
    }

    private long rows(Path file) {
        return jdbc.sql("SELECT COUNT(*) FROM recording WHERE file_path = ?").param(relative(file)).query(Long.class).single();
    }

    private static String textOf(Multipart parts) throws Exception {
        Object first = parts.getBodyPart(0).getContent();
        return first instanceof Multipart nested ? (String) nested.getBodyPart(0).getContent() : (String) first;
    }
}
