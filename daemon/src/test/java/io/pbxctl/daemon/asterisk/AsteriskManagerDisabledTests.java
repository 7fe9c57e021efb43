package io.pbxctl.daemon.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.asterisk.AmiStatus.Connection;
import io.pbxctl.daemon.system.PbxProperties;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** With {@code pbx.ami.enabled=false} nothing connects and reloads only accumulate. */
class AsteriskManagerDisabledTests {

    @Test
    void reloadsAccumulateAsPendingAndNothingRuns() {
        AsteriskManager manager = new AsteriskManager(new PbxProperties.Ami(false, "127.0.0.1", 1, "pbxctl", "", Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)));
        manager.start();

        manager.reload(Set.of(ReloadTarget.DIALPLAN));
        manager.reload(EnumSet.of(ReloadTarget.PJSIP, ReloadTarget.DIALPLAN));
        manager.reload(Set.of());

        AmiStatus status = manager.status();
        assertThat(status.connection()).isEqualTo(Connection.DISABLED);
        assertThat(status.connected()).isFalse();
        assertThat(status.pending()).containsExactly(ReloadTarget.PJSIP, ReloadTarget.DIALPLAN);
        assertThat(status.lastReload()).isNull();
        assertThat(manager.isRunning()).isFalse();
        manager.stop();
    }
}
