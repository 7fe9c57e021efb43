package io.pbxctl.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.ApiTestSupport.TenantFixture;
import io.pbxctl.daemon.config.GenerationSettings;
import io.pbxctl.daemon.sandbox.AsteriskSandbox;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real Asterisk with the daemon's generated files, and SIPp around it as phones and carriers.
 * Phones, carriers and Asterisk all listen on the loopback: Asterisk and the phones on
 * 127.0.0.1, each carrier on an address of its own (127.0.0.2, ...), because a trunk is
 * identified by its address and would otherwise claim every phone's request.
 */
final class SipRig implements AutoCloseable {

    static final Duration RING = Duration.ofSeconds(6);

    final Path base;
    final Path conf;
    final Path work;
    final int sipPort = AsteriskSandbox.freeUdpPort();
    final int amiPort = AsteriskSandbox.freeTcpPort();
    final String amiSecret = "ami-" + UUID.randomUUID();
    private final List<Sipp> processes = new ArrayList<>();
    private AsteriskSandbox asterisk;

    SipRig(String name) {
        base = Path.of("target", "asterisk-sandbox", name + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        conf = base.resolve("conf");
        work = base.resolve("sipp");
        Map<String, String> values = Map.of("AMI_PORT", Integer.toString(amiPort), "SIP_PORT", Integer.toString(sipPort),
                "AMI_SECRET", amiSecret);
        AsteriskSandbox.copyConfig(resource("/sandbox/minimal"), conf, values);
        AsteriskSandbox.copyConfig(resource("/sandbox/ami"), conf, values);
        AsteriskSandbox.copyConfig(resource("/sandbox/generated"), conf, values);
        AsteriskSandbox.copyConfig(resource("/e2e/asterisk"), conf, values);
    }

    /** What the daemon renders for this Asterisk: its SIP ports, and the FastAGI server the dialplan asks. */
    GenerationSettings settings(String agiUrl) {
        return new GenerationSettings(agiUrl, "asterisk", "127.0.0.1", "127.0.0.1", sipPort, AsteriskSandbox.freeTcpPort(),
                AsteriskSandbox.freeTcpPort(), AsteriskSandbox.freeTcpPort(), null, null, RING.toSeconds(), 90);
    }

    /**
     * Settings for a daemon context of its own that drives this Asterisk as in production: it
     * writes its generated files into {@link #conf}, with SIP on this rig's port and FastAGI on a
     * free one, and applies them over this sandbox's AMI, as the least-privilege user. For a
     * {@code @DynamicPropertySource}: the ports and paths are known before the context starts.
     */
    void daemon(DynamicPropertyRegistry registry) {
        registry.add("pbx.asterisk.config-dir", conf::toString);
        registry.add("pbx.asterisk.ring-time", () -> RING.toSeconds() + "s");
        registry.add("pbx.fastagi.port", () -> AsteriskSandbox.freeTcpPort());
        registry.add("pbx.sip.bind-address", () -> "127.0.0.1");
        registry.add("pbx.sip.udp-port", () -> sipPort);
        registry.add("pbx.sip.tcp-port", () -> AsteriskSandbox.freeTcpPort());
        registry.add("pbx.sip.tls-port", () -> AsteriskSandbox.freeTcpPort());
        registry.add("pbx.ami.enabled", () -> "true");
        registry.add("pbx.ami.port", () -> amiPort);
        registry.add("pbx.ami.secret", () -> amiSecret);
        registry.add("pbx.ami.retry-initial", () -> "200ms");
        registry.add("pbx.ami.retry-max", () -> "1s");
    }

    void start() {
        asterisk = AsteriskSandbox.start(base.resolve("run"), conf);
    }

    /**
     * A user with an extension and one device named {@code <tenant slug>-<name>}, created through
     * the API; the device's SIP password (from its login details) goes into {@code secrets}.
     */
    static long phoneUser(TenantFixture tenant, String name, String extension, Map<String, String> secrets) {
        long user = tenant.create("users", Map.of("name", name));
        tenant.create("extensions", Map.of("userId", user, "number", extension));
        String device = tenant.slug() + "-" + name;
        long id = tenant.create("devices", Map.of("userId", user, "sipUsername", device));
        var details = tenant.admin().post(tenant.path("devices/" + id + "/login-details"), null);
        assertThat(details.status()).as(details.toString()).isEqualTo(200);
        secrets.put(device, details.body().get("password").asText());
        return user;
    }

    /** Whether the daemon has written the device into the sandbox's pjsip configuration yet. */
    boolean generatedDevice(String device) {
        try {
            return Files.readString(conf.resolve("pjsip.d/pbx-generated.conf")).contains("[" + device + "]");
        } catch (IOException e) {
            return false;
        }
    }

    String cli(String command) {
        return asterisk.cli(command);
    }

    /**
     * A carrier for a trunk: answers every call on {@code address}:{@code port} and keeps it until
     * the caller hangs up. Returns once Asterisk found the trunk reachable: it dials no trunk it
     * last found unreachable, and would only qualify it again a minute later.
     */
    Sipp carrier(String address, int port, String trunk) {
        Sipp carrier = track(Sipp.start(work, "carrier-" + address, "phone-answer.xml", null, Map.of(),
                List.of("-i", address, "-p", Integer.toString(port), "-mi", address, "-mp", Integer.toString(mediaPort()), "-aa")));
        waitFor(Duration.ofSeconds(30), () -> {
            cli("pjsip qualify " + trunk);
            return cli("pjsip show aor " + trunk).contains(" Avail ");
        }, () -> trunk + " never became reachable:\n" + carrier.messages());
        return carrier;
    }

    /**
     * A phone registered as {@code device} that handles incoming calls with {@code incoming}
     * ({@code phone-ring.xml} or {@code phone-answer.xml}); returns once Asterisk has the contact
     * and has found it reachable, so that a call rings it.
     */
    Sipp phone(String device, String secret, String incoming) {
        Sipp phone = track(Sipp.start(work, "phone-" + device, "register.xml", incoming, Map.of(),
                List.of("127.0.0.1:" + sipPort, "-i", "127.0.0.1", "-p", Integer.toString(AsteriskSandbox.freeUdpPort()),
                        "-mp", Integer.toString(mediaPort()), "-s", device, "-au", device, "-ap", secret,
                        "-m", "1", "-d", "900000", "-aa")));
        waitFor(Duration.ofSeconds(30), () -> phone.log().receivedStatuses().contains(200) || !phone.running(),
                () -> "registration of " + device + ":\n" + phone.messages());
        assertThat(phone.running()).as("phone %s after registering:\n%s", device, phone.messages()).isTrue();
        waitFor(Duration.ofSeconds(30), () -> cli("pjsip show aor " + device).contains(" Avail "),
                () -> device + " never became reachable:\n" + cli("pjsip show aor " + device));
        return phone;
    }

    /** A registration answered with a wrong password: passes (exit 0) when the registrar refuses it. */
    Sipp register(String device, String wrongSecret) {
        return track(Sipp.start(work, "refused-" + device, "register-refused.xml", null, Map.of(),
                List.of("127.0.0.1:" + sipPort, "-i", "127.0.0.1", "-p", Integer.toString(AsteriskSandbox.freeUdpPort()),
                        "-s", device, "-au", device, "-ap", wrongSecret, "-m", "1")));
    }

    /**
     * Starts a call from a device to a number; with {@code dtmf}, the digits are sent as RTP
     * events once answered, a space waiting for the next prompt.
     */
    Sipp startCall(String device, String secret, String number, Duration talk, String dtmf) {
        List<String> options = new ArrayList<>(callOptions(device, secret, number));
        options.addAll(List.of("-d", Long.toString(talk.toMillis())));
        return track(Sipp.start(work, "call-" + device + "-" + number, "call.xml", null, Map.of("MEDIA", media(dtmf)), options));
    }

    /**
     * Starts a call, with {@code dtmf} as in {@link #startCall}, that stays up until Asterisk hangs
     * up, which the phone answers with 200; it fails when no BYE came within {@code atMost}.
     */
    Sipp startCallUntilHungUp(String device, String secret, String number, String dtmf, Duration atMost) {
        return track(Sipp.start(work, "stay-" + device + "-" + number, "call-until-bye.xml", null,
                Map.of("MEDIA", media(dtmf), "STAY", Long.toString(atMost.toMillis())), callOptions(device, secret, number)));
    }

    private List<String> callOptions(String device, String secret, String number) {
        return List.of("127.0.0.1:" + sipPort, "-i", "127.0.0.1", "-p", Integer.toString(AsteriskSandbox.freeUdpPort()),
                "-mp", Integer.toString(mediaPort()), "-s", number, "-key", "from", device, "-au", device, "-ap", secret, "-m", "1");
    }

    /** A call that runs to its end: answered and hung up after {@code talk}, or refused. */
    SipLog call(String device, String secret, String number, Duration talk) {
        Sipp call = startCall(device, secret, number, talk, "");
        call.await(talk.plus(Duration.ofSeconds(60)));
        return call.log();
    }

    /**
     * RTP telephone events from the pcaps that Debian's sip-tester ships, one digit after the
     * other, after a pause that lets the prompt start.
     */
    private static String media(String dtmf) {
        if (dtmf == null || dtmf.isEmpty()) {
            return "";
        }
        StringBuilder actions = new StringBuilder("  <pause milliseconds=\"1500\"/>\n");
        for (char digit : dtmf.toCharArray()) {
            if (digit == ' ') {
                actions.append("  <pause milliseconds=\"3000\"/>\n");
                continue;
            }
            String name = digit == '#' ? "pound" : digit == '*' ? "star" : Character.toString(digit);
            actions.append("  <nop><action><exec play_pcap_audio=\"").append(pcaps().resolve("dtmf_2833_" + name + ".pcap"))
                    .append("\"/></action></nop>\n  <pause milliseconds=\"400\"/>\n");
        }
        return actions.toString();
    }

    private static Path pcaps() {
        for (String dir : List.of("/usr/share/sip-tester", "/usr/share/sipp/pcap", "/usr/local/share/sipp/pcap")) {
            if (Files.exists(Path.of(dir, "dtmf_2833_1.pcap"))) {
                return Path.of(dir);
            }
        }
        throw new IllegalStateException("no SIPp DTMF pcaps (dtmf_2833_*.pcap): is sip-tester installed?");
    }

    private Sipp track(Sipp sipp) {
        processes.add(sipp);
        return sipp;
    }

    /**
     * An even UDP port whose next three are free too: SIPp binds its audio RTP port and the
     * video port two above it.
     */
    static int mediaPort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 2 * ThreadLocalRandom.current().nextInt(15000, 30000);
            if (udpFree(port) && udpFree(port + 1) && udpFree(port + 2) && udpFree(port + 3)) {
                return port;
            }
        }
        throw new IllegalStateException("no free media ports");
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket socket = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void waitFor(Duration timeout, BooleanSupplier condition, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + ": " + failure.get());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Ends every SIPp process still running, then Asterisk. */
    @Override
    public void close() {
        processes.forEach(Sipp::close);
        if (asterisk != null) {
            asterisk.close();
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(SipRig.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
