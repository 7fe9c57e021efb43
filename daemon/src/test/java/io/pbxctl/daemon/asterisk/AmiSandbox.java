package io.pbxctl.daemon.asterisk;

import io.pbxctl.daemon.sandbox.AsteriskSandbox;
import io.pbxctl.daemon.system.PbxProperties;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The config of an Asterisk sandbox for the AMI tests: the minimal set with the daemon's
 * least-privilege AMI user and a test dialplan laid over it, on free ports, then any further
 * overlays of {@code src/test/resources/sandbox/} (such as {@code generated}).
 */
public final class AmiSandbox {

    public static final String SECRET = "ami-" + UUID.randomUUID();

    public final Path base;
    public final Path conf;
    final Path run;
    final int amiPort = AsteriskSandbox.freeTcpPort();

    public AmiSandbox(String name, String... overlays) {
        base = Path.of("target", "asterisk-sandbox", name + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        conf = base.resolve("conf");
        run = base.resolve("run");
        Map<String, String> values = Map.of(
                "AMI_PORT", Integer.toString(amiPort),
                "SIP_PORT", Integer.toString(AsteriskSandbox.freeUdpPort()),
                "AMI_SECRET", SECRET);
        AsteriskSandbox.copyConfig(resource("/sandbox/minimal"), conf, values);
        AsteriskSandbox.copyConfig(resource("/sandbox/ami"), conf, values);
        for (String overlay : overlays) {
            AsteriskSandbox.copyConfig(resource("/sandbox/" + overlay), conf, values);
        }
    }

    public AsteriskSandbox start() {
        return AsteriskSandbox.start(run, conf);
    }

    /** A started AMI connection of the daemon to this sandbox, logged in as the least-privilege user. */
    public AsteriskManager manager() {
        AsteriskManager manager = new AsteriskManager(settings(SECRET));
        manager.start();
        return manager;
    }

    /** Settings for this sandbox, with short retry delays so that tests see several attempts quickly. */
    PbxProperties.Ami settings(String secret) {
        return settings(secret, Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    PbxProperties.Ami settings(String secret, Duration retryInitial, Duration retryMax) {
        return new PbxProperties.Ami(true, "127.0.0.1", amiPort, "pbxctl", secret, Duration.ofSeconds(5),
                Duration.ofSeconds(30), retryInitial, retryMax, Duration.ofSeconds(30));
    }

    private static Path resource(String name) {
        try {
            return Path.of(AmiSandbox.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
