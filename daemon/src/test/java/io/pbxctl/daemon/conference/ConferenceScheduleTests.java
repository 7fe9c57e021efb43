package io.pbxctl.daemon.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.asterisk.AsteriskManager;
import io.pbxctl.daemon.asterisk.SandboxWithAmi;
import io.pbxctl.daemon.audit.AuditLog;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The conference schedule: the host is reminded once before the start, in their language, and at
 * the end of its window a conference is ended over AMI, once: against a real Asterisk (when the
 * sandbox can run here), where a participant that ConfbridgeKick only marks kicked (it was still
 * hearing its join announcement) is hung up; while Asterisk cannot be reached the end is retried.
 */
class ConferenceScheduleTests extends ApiTestSupport {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    private AsteriskManager disabledAmi;
    @Autowired
    private AuditLog audit;
    @Autowired
    private TransactionTemplate transactions;

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
    void theHostIsRemindedOnceInTheirLanguageBeforeTheStart() throws Exception {
        TenantFixture tenant = newTenant("VN");
        long host = tenant.create("users", Map.of("name", "Chi", "email", "chi@example.vn", "language", "vi"));
        room(tenant, host, "4100", LocalDateTime.now(HANOI).plusMinutes(10), 30);
        ConferenceSchedule schedule = schedule(disabledAmi);

        assertThat(schedule.run().reminded()).isEqualTo(1);
        assertThat(schedule.run().reminded()).isZero();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("chi@example.vn");
        assertThat(smtp.getReceivedMessages()[0].getSubject()).startsWith("Nhắc nhở: hội nghị 4100 bắt đầu lúc ");
    }

    @Test
    void theEndOfAWindowIsRetriedWhileAsteriskCannotBeReachedAndTheConferenceIsEndedOnce() throws Exception {
        TenantFixture tenant = newTenant("VN");
        long host = tenant.create("users", Map.of("name", "Dung"));
        long room = room(tenant, host, "4200", LocalDateTime.now(HANOI).minusMinutes(10), 5);

        ConferenceSchedule.Run unreachable = schedule(disabledAmi).run();
        assertThat(unreachable.ended()).isZero();
        assertThat(unreachable.failures()).anySatisfy(f -> assertThat(f).contains(tenant.slug() + "~4200", "not running"));
        assertThat(notices(room)).isZero();

        String participant;
        try (SandboxWithAmi sandbox = SandboxWithAmi.start("conference-end")) {
            String bridge = tenant.slug() + "~4200";
            // Listed in the conference from the start of its 10 s join announcement, in the bridge only after it.
            sandbox.asterisk().cli("channel originate Local/" + bridge + "@ami-conference-joining application Wait 120");
            await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.asterisk().cli("confbridge list").contains(bridge));
            participant = sandbox.asterisk().cli("core show channels concise").lines()
                    .filter(line -> line.startsWith("Local/" + bridge) && line.contains("!ConfBridge!")).findFirst().orElseThrow()
                    .split("!")[0];

            ConferenceSchedule.Run ended = schedule(sandbox.manager()).run();
            assertThat(ended.failures()).isEmpty();
            assertThat(ended.ended()).isEqualTo(1);
            // The kick only marked it (it was not in the bridge yet); the hang-up after the grace ended it.
            await().atMost(Duration.ofSeconds(10)).until(() -> !sandbox.asterisk().cli("confbridge list").contains(bridge)
                    && !sandbox.asterisk().cli("core show channels concise").contains("Local/" + bridge));
            assertThat(schedule(sandbox.manager()).run().ended()).isZero();
        }
        assertThat(jdbc.sql("SELECT outcome FROM conference_notice WHERE room_id = ? AND kind = 'END'").param(room).query(String.class).single())
                .isEqualTo("ended: All participants kicked; hung up " + participant + ", still in it after 3 s");
        var entries = tenant.admin().get(tenant.path("audit") + "?action=CONF_END&entityId=" + room).body().path("items");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("after").path("bridge").asText()).isEqualTo(tenant.slug() + "~4200");
    }

    private ConferenceSchedule schedule(AsteriskManager ami) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mail", sender));
        return new ConferenceSchedule(jdbc, ami, beans.getBeanProvider(JavaMailSender.class), audit, transactions,
                new ConferenceScheduleProperties(Duration.ofMinutes(15), Duration.ofMinutes(1), "pbx@example.net", Duration.ofHours(1),
                        Duration.ofSeconds(3), Duration.ofMinutes(2)));
    }

    private long room(TenantFixture tenant, long host, String number, LocalDateTime start, int minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("hostUserId", host);
        body.put("description", "Weekly");
        body.put("startTime", start.truncatedTo(ChronoUnit.MINUTES).toString());
        body.put("durationMinutes", minutes);
        return tenant.create("conference-rooms", body);
    }

    private long notices(long room) {
        return jdbc.sql("SELECT COUNT(*) FROM conference_notice WHERE room_id = ?").param(room).query(Long.class).single();
    }
}
