package io.pbxctl.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.sandbox.AsteriskSandbox;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The end of a scheduled conference, end to end: a daemon of its own, connected to the sandbox
 * over AMI, runs its conference schedule job every second. Two SIP phones join a room through the
 * generated dialplan and the daemon's FastAGI, the host from their own device and a guest with
 * the PIN; at the end of the room's window the job must end the conference, so that Asterisk
 * hangs up on each phone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The job runs every second in this context; once the class is done it must not run on for the rest of the suite.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConferenceEndThroughAsteriskTests extends ApiTestSupport {

    /** From the room's creation to the end of its window: time for the dialplan edit and both phones to join. */
    private static final Duration WINDOW_LEFT = Duration.ofSeconds(30);
    /** After the end: the job's next run (every second) and the kicked-out prompt Asterisk plays before hanging up. */
    private static final Duration ENDED_WITHIN = Duration.ofSeconds(20);
    /** How long past the window Asterisk keeps a participant by itself: well after the job's end (every second). */
    private static final Duration OVERRUN = Duration.ofSeconds(12);
    private static final String PIN = "2468";
    private static final SipRig RIG = new SipRig("e2e-conference-end");

    private TenantFixture tenant;
    private long host;
    private final Map<String, String> secrets = new HashMap<>();

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry registry) {
        RIG.daemon(registry);
        registry.add("pbx.conferences.check-interval", () -> "1s");
        registry.add("pbx.conferences.overrun", () -> OVERRUN.toSeconds() + "s");
    }

    @BeforeAll
    void startPbx() {
        AsteriskSandbox.assumeAvailable();
        operatorLogin();
        tenant = newTenant("VN");
        host = user("host", "100");
        user("guest", "101");
        SipRig.waitFor(Duration.ofSeconds(30), () -> RIG.generatedDevice(device("guest")), () -> "the daemon never generated " + device("guest"));
        RIG.start();
    }

    @AfterAll
    void stopPbx() {
        RIG.close();
    }

    @Test
    void atTheEndOfItsWindowTheDaemonHangsUpOnEverySipParticipant() {
        ZoneId zone = ZoneId.of(operator.get("/api/v1/tenants/" + tenant.id()).body().path("timeZone").asText());
        LocalDateTime end = LocalDateTime.now(zone).plus(WINDOW_LEFT).truncatedTo(ChronoUnit.SECONDS);
        Instant endsAt = end.atZone(zone).toInstant();
        long room = room("6000", end.minusMinutes(1), 1);
        String bridge = tenant.slug() + "~6000";
        SipRig.waitFor(Duration.ofSeconds(10), () -> RIG.cli("dialplan show 6000@pbx~" + tenant.slug() + "~rooms").contains("'6000'"),
                () -> "room 6000 never reached the dialplan");

        Duration stay = WINDOW_LEFT.plus(ENDED_WITHIN).multipliedBy(2);
        Sipp hostPhone = RIG.startCallUntilHungUp(device("host"), secrets.get(device("host")), "6000", "", stay);
        Sipp guestPhone = RIG.startCallUntilHungUp(device("guest"), secrets.get(device("guest")), "6000", PIN + "#", stay);
        List<Sipp> phones = List.of(hostPhone, guestPhone);
        SipRig.waitFor(Duration.between(Instant.now(), endsAt), () -> participants(bridge).size() == 2,
                () -> "both phones should be in " + bridge + " before its window ends:\n" + RIG.cli("confbridge list") + "\n"
                        + hostPhone.messages() + "\n" + guestPhone.messages());
        assertThat(participants(bridge)).as("real SIP channels of both devices")
                .anyMatch(channel -> channel.startsWith("PJSIP/" + device("host") + "-"))
                .anyMatch(channel -> channel.startsWith("PJSIP/" + device("guest") + "-"));

        SipRig.waitFor(Duration.between(Instant.now(), endsAt.plus(ENDED_WITHIN)),
                () -> phones.stream().allMatch(phone -> !phone.log().received("BYE").isEmpty()),
                () -> "Asterisk should hang up on both phones once the window ended:\n" + RIG.cli("confbridge list") + "\n"
                        + RIG.cli("core show channels concise") + "\n" + hostPhone.messages() + "\n" + guestPhone.messages());
        for (Sipp phone : phones) {
            assertThat(phone.await(Duration.ofSeconds(10))).as("the phone answered the BYE and passed:\n%s", phone.messages()).isZero();
            SipLog log = phone.log();
            assertThat(log.received("BYE")).hasSize(1);
            assertThat(log.messages()).as("the phone never hung up itself").noneMatch(m -> !m.received() && m.isRequest("BYE"));
        }
        assertThat(RIG.cli("confbridge list")).doesNotContain(bridge);
        assertThat(RIG.cli("core show channels concise")).doesNotContain("PJSIP/" + tenant.slug() + "-");

        // The job records the end once its next look (every 250 ms) finds the conference empty: shortly after the phones' BYE.
        SipRig.waitFor(Duration.ofSeconds(15), () -> "DONE".equals(endNotice(room).state()),
                () -> "the job should record the end once everyone left: " + endNotice(room));
        Notice notice = endNotice(room);
        assertThat(notice.outcome()).isEqualTo("ended: All participants kicked");
        assertThat(notice.claimedAt()).as("the job ended the conference at the end of the window, not before")
                .isBetween(endsAt, endsAt.plus(ENDED_WITHIN));
        var audit = tenant.admin().get(tenant.path("audit") + "?action=CONF_END&entityId=" + room).body().path("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("after").path("bridge").asText()).isEqualTo(bridge);
    }

    @Test
    void whomTheDaemonDoesNotEndAsteriskEjectsByItselfOnceTheOverrunHasPassed() {
        ZoneId zone = ZoneId.of(operator.get("/api/v1/tenants/" + tenant.id()).body().path("timeZone").asText());
        LocalDateTime end = LocalDateTime.now(zone).plus(WINDOW_LEFT).truncatedTo(ChronoUnit.SECONDS);
        Instant endsAt = end.atZone(zone).toInstant();
        LocalDateTime start = end.minusMinutes(1);
        long room = room("6001", start, 1);
        String bridge = tenant.slug() + "~6001";
        // Another daemon holds the end of this window and never does it: only ConfBridge's own timeout is left.
        jdbc.sql("INSERT INTO conference_notice (room_id, start_time, kind, state, claimed_at) VALUES (?, ?, 'END', 'CLAIMED', ?)")
                .params(room, start, LocalDateTime.now(ZoneOffset.UTC)).update();
        SipRig.waitFor(Duration.ofSeconds(10), () -> RIG.cli("dialplan show 6001@pbx~" + tenant.slug() + "~rooms").contains("'6001'"),
                () -> "room 6001 never reached the dialplan");

        Sipp guest = RIG.startCallUntilHungUp(device("guest"), secrets.get(device("guest")), "6001", PIN + "#",
                WINDOW_LEFT.plus(OVERRUN).plus(ENDED_WITHIN).multipliedBy(2));
        SipRig.waitFor(Duration.between(Instant.now(), endsAt), () -> participants(bridge).size() == 1,
                () -> "the guest should be in " + bridge + " before its window ends:\n" + RIG.cli("confbridge list") + "\n" + guest.messages());

        SipRig.waitFor(Duration.between(Instant.now(), endsAt.plus(OVERRUN).plus(ENDED_WITHIN)), () -> !guest.log().received("BYE").isEmpty(),
                () -> "Asterisk should eject the guest once the overrun passed:\n" + RIG.cli("confbridge list") + "\n" + guest.messages());
        assertThat(Instant.now()).as("not before the window's end plus the overrun").isAfterOrEqualTo(endsAt.plus(OVERRUN));
        assertThat(guest.await(Duration.ofSeconds(10))).as("the phone answered the BYE and passed:\n%s", guest.messages()).isZero();
        assertThat(RIG.cli("confbridge list")).doesNotContain(bridge);
        assertThat(jdbc.sql("SELECT state FROM conference_notice WHERE room_id = ? AND kind = 'END'").param(room).query(String.class).single())
                .as("the job never ended it").isEqualTo("CLAIMED");
    }

    private record Notice(String state, String outcome, Instant claimedAt) {
    }

    private Notice endNotice(long room) {
        return jdbc.sql("SELECT state, outcome, claimed_at FROM conference_notice WHERE room_id = ? AND kind = 'END'").param(room)
                .query((rs, n) -> new Notice(rs.getString("state"), rs.getString("outcome"),
                        rs.getObject("claimed_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .single();
    }

    /** The channels in a conference, from the first column of {@code confbridge list <conference>}. */
    private static List<String> participants(String bridge) {
        return RIG.cli("confbridge list " + bridge).lines().map(String::strip).filter(line -> line.startsWith("PJSIP/"))
                .map(line -> line.split("\\s+")[0]).toList();
    }

    private long room(String number, LocalDateTime start, int minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("number", number);
        body.put("hostUserId", host);
        body.put("pin", PIN);
        body.put("startTime", start.toString());
        body.put("durationMinutes", minutes);
        return tenant.create("conference-rooms", body);
    }

    private long user(String name, String extension) {
        return SipRig.phoneUser(tenant, name, extension, secrets);
    }

    private String device(String name) {
        return tenant.slug() + "-" + name;
    }
}
