package io.pbxctl.daemon.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pbxctl.daemon.asterisk.AmiStatus.Connection;
import io.pbxctl.daemon.asterisk.AmiStatus.LastReload;
import io.pbxctl.daemon.asterisk.AmiStatus.Outcome;
import io.pbxctl.daemon.sandbox.AsteriskSandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The AMI connection follows Asterisk coming and going: started before Asterisk it keeps
 * reloads pending and applies them once Asterisk is up, and after a restart on the same ports it
 * reconnects by itself and applies what was asked meanwhile.
 */
class AsteriskManagerReconnectTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void startedBeforeAsteriskItConnectsLaterAndReconnectsAfterARestart() {
        AsteriskSandbox.assumeAvailable();
        AmiSandbox sandbox = new AmiSandbox("ami-reconnect");
        AsteriskManager manager = new AsteriskManager(sandbox.settings(AmiSandbox.SECRET));
        try {
            manager.start();
            assertThat(manager.isRunning()).isTrue();
            await().atMost(WAIT).until(() -> manager.status().connection() == Connection.UNREACHABLE);
            assertThat(manager.status().detail()).contains("Connection refused");
            manager.reload(Set.of(ReloadTarget.DIALPLAN));
            assertThat(manager.status().pending()).containsExactly(ReloadTarget.DIALPLAN);

            try (AsteriskSandbox asterisk = sandbox.start()) {
                LastReload first = awaitReload(manager, null);
                assertThat(first.targets()).containsExactly(ReloadTarget.DIALPLAN);
                assertThat(first.outcome()).isEqualTo(Outcome.OK);
                assertThat(manager.status().connected()).isTrue();
                assertThat(manager.status().pending()).isEmpty();
            }

            await().atMost(WAIT).until(() -> manager.status().connection() == Connection.UNREACHABLE);
            Instant lost = manager.status().since();
            manager.reload(Set.of(ReloadTarget.PJSIP));
            manager.reload(Set.of(ReloadTarget.CONFBRIDGE));
            assertThat(manager.status().pending()).containsExactly(ReloadTarget.PJSIP, ReloadTarget.CONFBRIDGE);

            LastReload beforeRestart = manager.status().lastReload();
            try (AsteriskSandbox asterisk = sandbox.start()) {
                LastReload afterRestart = awaitReload(manager, beforeRestart);
                assertThat(afterRestart.targets()).containsExactly(ReloadTarget.PJSIP, ReloadTarget.CONFBRIDGE);
                assertThat(afterRestart.outcome()).isEqualTo(Outcome.OK);
                assertThat(manager.status().since()).isAfter(lost);

                LastReload previous = manager.status().lastReload();
                manager.reload(Set.of(ReloadTarget.DIALPLAN));
                assertThat(awaitReload(manager, previous).outcome()).isEqualTo(Outcome.OK);
            }
        } finally {
            manager.stop();
        }
        assertThat(manager.isRunning()).isFalse();
    }

    private static LastReload awaitReload(AsteriskManager manager, LastReload previous) {
        await().atMost(WAIT).until(() -> {
            AmiStatus status = manager.status();
            return status.lastReload() != null && status.lastReload() != previous && status.pending().isEmpty();
        });
        return manager.status().lastReload();
    }
}
