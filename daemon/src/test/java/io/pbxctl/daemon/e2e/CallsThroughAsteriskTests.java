package io.pbxctl.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.agi.FastAgiServer;
import io.pbxctl.daemon.config.ConfigGenerator;
import io.pbxctl.daemon.config.ConfigModelLoader;
import io.pbxctl.daemon.config.TenantConfigGenerator;
import io.pbxctl.daemon.sandbox.AsteriskSandbox;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Real SIP calls through a real Asterisk 22 that runs the daemon's generated files and asks the
 * daemon's FastAGI server at call time; SIPp plays the phones and the carriers
 * (docs/end-to-end.md). One Asterisk serves the whole class: each test uses its own users, so a
 * registration another test left behind never rings in it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallsThroughAsteriskTests extends ApiTestSupport {

    private static final Duration TALK = Duration.ofSeconds(1);
    private static final String MOBILE = "0912345678";
    /**
     * Three wrong entries in one call. SIPp replays sip-tester's DTMF pcaps with their recorded
     * RTP timestamps, and Asterisk drops an event whose timestamp is not later than the last
     * one's, so within one call the keys must follow the order of those timestamps: 1 0 2 3 4 5
     * 6 7 8 9 * #. Only the last entry can end with '#'; the others end by GET DATA's timeout
     * (6 s), which the spaces (3 s each) wait out.
     */
    private static final String WRONG_THRICE = "1023   4567   89#";

    @Autowired
    private ConfigModelLoader loader;
    @Autowired
    private FastAgiServer fastAgi;

    private SipRig rig;
    private ConfigGenerator generator;
    private TenantFixture acme;
    private TenantFixture other;
    private TenantFixture coded;
    private Sipp acmeCarrier;
    private Sipp otherCarrier;
    private Sipp codedCarrier;
    private final Map<String, String> secrets = new HashMap<>();
    private long quinn;

    @BeforeAll
    void startPbx() {
        AsteriskSandbox.assumeAvailable();
        operatorLogin();
        rig = new SipRig("e2e-calls");
        int carrierPort = AsteriskSandbox.freeUdpPort();
        acme = newTenant("VN");
        other = newTenant("VN");
        coded = newTenant("VN");
        Api.Response restricted = operator.put("/api/v1/tenants/" + coded.id(), Map.of("slug", coded.slug(), "name", "Coded",
                "country", "VN", "areaCode", "024", "accountCodeMode", "RESTRICTED"));
        assertThat(restricted.status()).as(restricted.toString()).isEqualTo(200);
        long acmeGroup = outboundGroup(acme, "127.0.0.2", carrierPort);
        long otherGroup = outboundGroup(other, "127.0.0.3", carrierPort);
        long codedGroup = outboundGroup(coded, "127.0.0.4", carrierPort);
        user(acme, "alice", "100", Map.of("outboundGroupId", acmeGroup), "alice-desk", "alice-soft");
        user(acme, "bob", "101", Map.of("outboundGroupId", acmeGroup), "bob");
        user(acme, "carol", "102", Map.of("callWaiting", false), "carol");
        user(acme, "dave", "103", Map.of("callWaiting", true), "dave");
        user(acme, "erin", "104", Map.of("autoAnswer", true), "erin");
        user(acme, "frank", "105", Map.of("outboundGroupId", acmeGroup, "outboundEnabled", false, "monthlyQuotaMinutes", 0), "frank");
        user(acme, "gina", "106", Map.of(), "gina");
        user(acme, "ivan", "107", Map.of(), "ivan");
        user(acme, "henry", "110", Map.of(), "henry");
        quinn = user(acme, "quinn", "111", Map.of("outboundGroupId", acmeGroup, "monthlyQuotaMinutes", 1), "quinn");
        user(other, "bob", "101", Map.of("outboundGroupId", otherGroup), "bob");
        user(other, "henry", "110", Map.of(), "henry");
        long olga = user(coded, "olga", "100", Map.of("outboundGroupId", codedGroup));
        user(coded, "rita", "101", Map.of("outboundGroupId", codedGroup, "needsAccountCode", true), "rita");
        user(coded, "sam", "102", Map.of("outboundGroupId", codedGroup, "needsAccountCode", true), "sam");
        // Keys in the order WRONG_THRICE explains.
        coded.create("account-codes", Map.of("userId", olga, "code", "1357", "label", "Olga Projects"));
        coded.create("conference-rooms", Map.of("number", "5000", "pin", "2468", "hostUserId", olga));
        coded.create("conference-rooms", Map.of("number", "5001", "startTime", "2030-01-01T09:00", "durationMinutes", 60));

        generator = generator("agi://127.0.0.1:" + fastAgi.port());
        generator.generate();
        // Starting the sandbox first also installs SIPp when it is missing.
        rig.start();
        acmeCarrier = rig.carrier("127.0.0.2", carrierPort, "trunk~" + acme.slug() + "~carrier");
        otherCarrier = rig.carrier("127.0.0.3", carrierPort, "trunk~" + other.slug() + "~carrier");
        codedCarrier = rig.carrier("127.0.0.4", carrierPort, "trunk~" + coded.slug() + "~carrier");
    }

    @AfterAll
    void stopPbx() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void aDeviceRegistersWithItsSecretAndAWrongPasswordIsRefused() {
        String device = device(acme, "ivan");
        rig.phone(device, secrets.get(device), "phone-ring.xml").close();
        assertThat(rig.cli("pjsip show aor " + device)).contains("sip:" + device + "@127.0.0.1");

        Sipp refused = rig.register(device, secrets.get(device) + "x");
        assertThat(refused.await(Duration.ofSeconds(60))).as("401 or 403 to the answered challenge:\n%s", refused.messages()).isZero();
        assertThat(refused.log().receivedStatuses()).doesNotContain(200).last().isIn(401, 403);
    }

    @Test
    void anExtensionRingsEveryRegisteredDeviceOfItsUser() {
        Sipp desk = phone(acme, "alice-desk", "phone-ring.xml");
        Sipp soft = phone(acme, "alice-soft", "phone-ring.xml");

        call(acme, "bob", "100");

        assertThat(desk.log().received("INVITE")).as(desk.messages()).hasSize(1);
        assertThat(soft.log().received("INVITE")).as(soft.messages()).hasSize(1);
    }

    @Test
    void aNationalUserReachesTheCarrierForAMobileNumberAndIsRefusedAbroad() {
        SipLog mobile = call(acme, "bob", MOBILE);
        assertThat(mobile.finalInviteStatus()).as(mobile.toString()).contains(200);
        assertThat(carrierInvites(acmeCarrier, MOBILE)).hasSize(1);

        SipLog abroad = call(acme, "bob", "0033123456789");
        assertThat(abroad.finalInviteStatus()).as("CLASS is refused with 403").contains(403);
        assertThat(carrierInvites(acmeCarrier, "0033123456789")).isEmpty();
    }

    @Test
    void emergencyReachesTheCarrierWithQuotaUsedUpAndOutboundOff() {
        SipLog mobile = call(acme, "frank", "0987000105");
        assertThat(mobile.finalInviteStatus()).as("OUTBOUND_DISABLED is refused with 608").contains(608);

        SipLog emergency = call(acme, "frank", "113");
        assertThat(emergency.finalInviteStatus()).contains(200);
        assertThat(carrierInvites(acmeCarrier, "113")).isNotEmpty();
        assertThat(carrierInvites(acmeCarrier, "0987000105")).isEmpty();
    }

    @Test
    void twoTenantsWithTheSameExtensionNeverReachEachOther() {
        Sipp acmeHenry = phone(acme, "henry", "phone-ring.xml");
        Sipp otherHenry = phone(other, "henry", "phone-ring.xml");

        call(acme, "bob", "110");
        assertThat(acmeHenry.log().received("INVITE")).hasSize(1);
        assertThat(otherHenry.log().received("INVITE")).isEmpty();

        call(other, "bob", "110");
        assertThat(acmeHenry.log().received("INVITE")).hasSize(1);
        assertThat(otherHenry.log().received("INVITE")).hasSize(1);

        SipLog outbound = call(other, "bob", "0987000110");
        assertThat(outbound.finalInviteStatus()).contains(200);
        assertThat(carrierInvites(otherCarrier, "0987000110")).hasSize(1);
        assertThat(carrierInvites(acmeCarrier, "0987000110")).isEmpty();
    }

    @Test
    void withoutTheDaemonOutboundIsRefusedAndInternalCallsStillRing() {
        Sipp gina = phone(acme, "gina", "phone-ring.xml");
        int closedPort = AsteriskSandbox.freeTcpPort();
        try {
            generator("agi://127.0.0.1:" + closedPort).generate();
            rig.cli("dialplan reload");

            SipLog outbound = call(acme, "bob", "0987000106");
            assertThat(outbound.finalInviteStatus()).as("UNAVAILABLE is refused with 503").contains(503);
            assertThat(carrierInvites(acmeCarrier, "0987000106")).isEmpty();

            call(acme, "bob", "106");
            assertThat(gina.log().received("INVITE")).as("the hint's devices ring without the daemon").hasSize(1);
        } finally {
            generator.generate();
            rig.cli("dialplan reload");
        }
    }

    @Test
    void callWaitingOffAnswersBusyAndOnRings() {
        Sipp carol = phone(acme, "carol", "phone-answer.xml");
        Sipp dave = phone(acme, "dave", "phone-answer.xml");

        Sipp first = startCall(acme, "bob", "102", Duration.ofSeconds(20));
        SipRig.waitFor(Duration.ofSeconds(30), () -> !carol.log().received("ACK").isEmpty(), carol::messages);
        SipLog second = call(acme, "bob", "102");
        assertThat(second.finalInviteStatus()).as(second.toString()).contains(486);
        assertThat(carol.log().received("INVITE")).hasSize(1);
        first.close();

        Sipp busy = startCall(acme, "bob", "103", Duration.ofSeconds(20));
        SipRig.waitFor(Duration.ofSeconds(30), () -> !dave.log().received("ACK").isEmpty(), dave::messages);
        call(acme, "bob", "103");
        assertThat(dave.log().received("INVITE")).as(dave.messages()).hasSize(2);
        busy.close();
    }

    @Test
    void autoAnswerPutsTheHeadersPhonesHonourOnTheInvite() {
        Sipp erin = phone(acme, "erin", "phone-ring.xml");

        call(acme, "bob", "104");

        List<SipLog.Message> invites = erin.log().received("INVITE");
        assertThat(invites).hasSize(1);
        assertThat(invites.get(0).headers("Call-Info")).anyMatch(h -> h.contains("answer-after=0"));
        assertThat(invites.get(0).headers("Alert-Info")).contains("info=alert-autoanswer", "Ring Answer");
    }

    @Test
    void theRightPinEntersTheConferenceAWrongOneAndOutsideTheWindowDoNot() {
        String conference = coded.slug() + "~5000";
        Sipp guest = startCall(coded, "rita", "5000", Duration.ofSeconds(8), "2468#");
        SipRig.waitFor(Duration.ofSeconds(30), () -> rig.cli("confbridge list").contains(conference), guest::messages);
        guest.await(Duration.ofSeconds(60));
        SipRig.waitFor(Duration.ofSeconds(30), () -> !rig.cli("confbridge list").contains(conference), () -> "the guest never left");

        Sipp wrong = startCall(coded, "rita", "5000", Duration.ofSeconds(60), WRONG_THRICE);
        while (wrong.running()) {
            assertThat(rig.cli("confbridge list")).doesNotContain(conference);
        }
        assertThat(wrong.log().received("BYE")).as("Asterisk ends the call after the third wrong PIN:\n%s", wrong.messages()).hasSize(1);

        SipLog closed = call(coded, "rita", "5001");
        assertThat(closed.finalInviteStatus()).as("OUTSIDE_WINDOW is refused with 480").contains(480);
    }

    @Test
    void anAccountCodeLiftsTheRestrictionAndLabelsTheCallRecord() {
        Sipp call = startCall(coded, "rita", "0987000301", Duration.ofSeconds(10), "1357#");
        SipRig.waitFor(Duration.ofSeconds(40), () -> !carrierInvites(codedCarrier, "0987000301").isEmpty(), call::messages);
        SipRig.waitFor(Duration.ofSeconds(10), () -> rig.cli("core show channels concise").contains("!Olga Projects!"),
                () -> rig.cli("core show channels concise"));
        call.await(Duration.ofSeconds(60));
    }

    @Test
    void threeWrongCodesAreRefusedAndRepeatedFailuresLockTheDeviceOut() {
        Sipp wrong = startCall(coded, "sam", "0987000302", Duration.ofSeconds(60), WRONG_THRICE);
        wrong.await(Duration.ofSeconds(120));
        assertThat(wrong.log().received("BYE")).as("Asterisk ends the call after the third wrong code:\n%s", wrong.messages())
                .hasSize(1);
        Sipp fifth = startCall(coded, "sam", "0987000303", Duration.ofSeconds(60), "1023   4567");
        fifth.await(Duration.ofSeconds(120));
        assertThat(fifth.log().received("BYE")).as("the fifth wrong code locks the device out:\n%s", fifth.messages()).hasSize(1);
        assertThat(carrierInvites(codedCarrier, "0987000302")).isEmpty();
        assertThat(carrierInvites(codedCarrier, "0987000303")).isEmpty();

        SipLog locked = call(coded, "sam", "0987000304");
        assertThat(locked.finalInviteStatus()).as("ACCOUNT_CODE_LOCKED is refused with 423, without a prompt").contains(423);
        assertThat(locked.receivedStatuses()).doesNotContain(200);
    }

    @Test
    void withOneMinuteLeftAsteriskCutsTheCallAfterAMinuteAndChargesItOnce() {
        Sipp call = startCall(acme, "quinn", "0987000111", Duration.ofMinutes(3));
        call.await(Duration.ofMinutes(5));

        SipLog log = call.log();
        LocalDateTime answered = log.messages().stream().filter(m -> m.received() && m.status() == 200).findFirst()
                .orElseThrow(() -> new AssertionError(call.messages())).at();
        List<SipLog.Message> byes = log.received("BYE");
        assertThat(byes).as("Asterisk hangs up at the limit:\n%s", call.messages()).hasSize(1);
        assertThat(Duration.between(answered, byes.get(0).at())).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(90));

        SipRig.waitFor(Duration.ofSeconds(30), () -> settledSeconds().size() == 1, () -> "no settlement for quinn");
        long talk = settledSeconds().get(0);
        assertThat(talk).isBetween(55L, 65L);
        assertThat(jdbc.sql("SELECT used_seconds FROM minute_usage WHERE user_id = ?").param(quinn).query(Long.class).list())
                .as("charged once, for what was talked").containsExactly(talk);

        SipLog again = call(acme, "quinn", "0987000112");
        assertThat(again.finalInviteStatus()).as("QUOTA_EXHAUSTED is refused with 402").contains(402);
    }

    private List<Long> settledSeconds() {
        return jdbc.sql("SELECT talk_seconds FROM call_settlement WHERE user_id = ?").param(quinn).query(Long.class).list();
    }

    private long outboundGroup(TenantFixture tenant, String carrierAddress, int carrierPort) {
        long trunk = tenant.create("trunks", Map.of("name", "carrier", "host", carrierAddress, "port", carrierPort));
        return tenant.create("outbound-groups", Map.of("name", "Default", "callerIdNumber", "02412345678", "trunkIds", List.of(trunk)));
    }

    /** A user with one extension and devices named {@code <slug>-<device>}, whose generated secrets are kept for the phones. */
    private long user(TenantFixture tenant, String name, String extension, Map<String, Object> settings, String... devices) {
        Map<String, Object> body = new LinkedHashMap<>(settings);
        body.put("name", name);
        long user = tenant.create("users", body);
        tenant.create("extensions", Map.of("userId", user, "number", extension));
        for (String device : devices) {
            long id = tenant.create("devices", Map.of("userId", user, "sipUsername", device(tenant, device)));
            var details = tenant.admin().post(tenant.path("devices/" + id + "/login-details"), null);
            assertThat(details.status()).as(details.toString()).isEqualTo(200);
            secrets.put(details.body().get("username").asText(), details.body().get("password").asText());
        }
        return user;
    }

    private static String device(TenantFixture tenant, String name) {
        return tenant.slug() + "-" + name;
    }

    private ConfigGenerator generator(String agiUrl) {
        return TenantConfigGenerator.of(loader, Set.of(acme.slug(), other.slug(), coded.slug()), rig.settings(agiUrl), rig.conf);
    }

    private Sipp phone(TenantFixture tenant, String name, String incoming) {
        String device = device(tenant, name);
        return rig.phone(device, secrets.get(device), incoming);
    }

    private SipLog call(TenantFixture tenant, String caller, String number) {
        String device = device(tenant, caller);
        return rig.call(device, secrets.get(device), number, TALK);
    }

    private Sipp startCall(TenantFixture tenant, String caller, String number, Duration talk) {
        return startCall(tenant, caller, number, talk, "");
    }

    private Sipp startCall(TenantFixture tenant, String caller, String number, Duration talk, String dtmf) {
        String device = device(tenant, caller);
        return rig.startCall(device, secrets.get(device), number, talk, dtmf);
    }

    private static List<SipLog.Message> carrierInvites(Sipp carrier, String number) {
        return carrier.log().received("INVITE").stream().filter(m -> m.requestUri().startsWith("sip:" + number + "@")).toList();
    }
}
