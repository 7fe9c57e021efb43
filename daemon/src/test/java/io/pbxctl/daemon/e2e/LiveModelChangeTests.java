package io.pbxctl.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.sandbox.AsteriskSandbox;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The daemon's own regeneration and AMI reload, end to end: a daemon of its own writes into the
 * sandbox's config directory and reloads that Asterisk over AMI, so a change made through the API
 * must be live in Asterisk within 5 s, without dropping a call in progress.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveModelChangeTests extends ApiTestSupport {

    private static final Duration LIVE_WITHIN = Duration.ofSeconds(5);
    private static final SipRig RIG = new SipRig("e2e-live");

    private TenantFixture tenant;
    private final Map<String, String> secrets = new HashMap<>();

    /** Ports and paths are chosen before the context starts, which makes this context the class's own. */
    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry registry) {
        RIG.daemon(registry);
    }

    @BeforeAll
    void startPbx() {
        AsteriskSandbox.assumeAvailable();
        operatorLogin();
        tenant = newTenant("VN");
        user("alice", "100");
        user("bob", "101");
        SipRig.waitFor(Duration.ofSeconds(30), () -> RIG.generatedDevice(device("bob")), () -> "the daemon never generated " + device("bob"));
        RIG.start();
    }

    @AfterAll
    void stopPbx() {
        RIG.close();
    }

    @Test
    void aNewUserWithADeviceIsLiveWithinFiveSecondsAndACallInProgressStaysUp() {
        Sipp alice = RIG.phone(device("alice"), secrets.get(device("alice")), "phone-answer.xml");
        Sipp inProgress = RIG.startCall(device("bob"), secrets.get(device("bob")), "100", Duration.ofSeconds(20), "");
        SipRig.waitFor(Duration.ofSeconds(30), () -> !alice.log().received("ACK").isEmpty(), alice::messages);

        long committed = System.nanoTime();
        user("newcomer", "120");
        String newcomer = device("newcomer");
        SipRig.waitFor(Duration.ofSeconds(30), () -> RIG.cli("pjsip show endpoint " + newcomer).contains("Endpoint:  " + newcomer)
                && RIG.cli("dialplan show 120@pbx~" + tenant.slug() + "~extensions").contains("'120'"), () -> newcomer + " never went live");
        Duration live = Duration.ofNanos(System.nanoTime() - committed);
        assertThat(live).as("from the API's answer to Asterisk holding the endpoint and the extension").isLessThanOrEqualTo(LIVE_WITHIN);

        Sipp phone = RIG.phone(newcomer, secrets.get(newcomer), "phone-ring.xml");
        RIG.call(device("bob"), secrets.get(device("bob")), "120", Duration.ofSeconds(1));
        assertThat(phone.log().received("INVITE")).as(phone.messages()).hasSize(1);

        assertThat(inProgress.await(Duration.ofSeconds(60))).as("the call in progress ends normally:\n%s", inProgress.messages()).isZero();
        assertThat(inProgress.log().received("BYE")).as("bob hung up, not Asterisk").isEmpty();
        SipRig.waitFor(Duration.ofSeconds(10), () -> alice.log().received("BYE").size() == 1, alice::messages);
    }

    private void user(String name, String extension) {
        SipRig.phoneUser(tenant, name, extension, secrets);
    }

    private String device(String name) {
        return tenant.slug() + "-" + name;
    }
}
