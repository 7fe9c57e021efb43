package io.pbxctl.daemon.asterisk;

import io.pbxctl.daemon.sandbox.AsteriskSandbox;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * For the tests of other packages: an Asterisk sandbox with the daemon's AMI user, and the
 * daemon's own AMI connection logged in to it.
 */
public final class SandboxWithAmi implements AutoCloseable {

    private final AsteriskSandbox asterisk;
    private final AsteriskManager manager;

    private SandboxWithAmi(AsteriskSandbox asterisk, AsteriskManager manager) {
        this.asterisk = asterisk;
        this.manager = manager;
    }

    /** Starts the sandbox (skipping the test when it cannot run here) and waits for the AMI login. */
    public static SandboxWithAmi start(String name) {
        AsteriskSandbox.assumeAvailable();
        AmiSandbox sandbox = new AmiSandbox(name);
        AsteriskSandbox asterisk = sandbox.start();
        AsteriskManager manager = new AsteriskManager(sandbox.settings(AmiSandbox.SECRET));
        manager.start();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> manager.status().connected());
        return new SandboxWithAmi(asterisk, manager);
    }

    public AsteriskSandbox asterisk() {
        return asterisk;
    }

    public AsteriskManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.stop();
        asterisk.close();
    }
}
