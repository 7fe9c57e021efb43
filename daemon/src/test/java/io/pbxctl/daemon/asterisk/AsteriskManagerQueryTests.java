package io.pbxctl.daemon.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pbxctl.daemon.sandbox.AsteriskSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal's AMI questions against a real Asterisk 22 with the least-privilege AMI user
 * (write = system,reporting, events off): PJSIPShowEndpoints for registration,
 * ConfbridgeListRooms and ConfbridgeList for conference participants. They are permitted, and
 * their list events reach the daemon although it reads no event class.
 */
class AsteriskManagerQueryTests {

    private static AmiSandbox sandbox;
    private static AsteriskSandbox asterisk;
    private static AsteriskManager manager;

    @BeforeAll
    static void startAsteriskWithTwoEndpoints() throws IOException {
        AsteriskSandbox.assumeAvailable();
        sandbox = new AmiSandbox("ami-query");
        Files.writeString(sandbox.conf.resolve("pjsip.conf"), """

                [query-nobody]
                type = aor
                max_contacts = 1

                [query-nobody]
                type = endpoint
                aors = query-nobody
                context = default

                [query-static]
                type = aor
                contact = sip:query-static@127.0.0.1:5999

                [query-static]
                type = endpoint
                aors = query-static
                context = default
                """, StandardOpenOption.APPEND);
        Files.writeString(sandbox.conf.resolve("extensions.conf"), """

                [ami-conference]
                exten => join,1,Answer()
                 same => n,Set(CALLERID(all)=Hoa <100>)
                 same => n,ConfBridge(tquery~5000)
                """, StandardOpenOption.APPEND);
        asterisk = sandbox.start();
        manager = new AsteriskManager(sandbox.settings(AmiSandbox.SECRET));
        manager.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> manager.status().connected());
    }

    @AfterAll
    static void stopAll() {
        if (manager != null) {
            manager.stop();
        }
        if (asterisk != null) {
            asterisk.close();
        }
    }

    @Test
    void endpointStatesNameEachEndpointWithItsDeviceState() {
        Optional<Map<String, String>> states = manager.endpointStates();

        assertThat(states).isPresent();
        assertThat(states.get()).containsEntry("query-nobody", "Unavailable");
        assertThat(states.get()).containsKey("query-static").doesNotContainEntry("query-static", "Unavailable");
    }

    @Test
    void conferencesListWhoIsInTheTenantsRunningRooms() {
        assertThat(manager.conferences("tquery~")).contains(Map.of());

        asterisk.cli("channel originate Local/join@ami-conference application Wait 30");
        await().atMost(Duration.ofSeconds(10)).until(() -> manager.conferences("tquery~").map(rooms -> !rooms.isEmpty()).orElse(false));
        Map<String, List<ConferenceParticipant>> rooms = manager.conferences("tquery~").orElseThrow();

        assertThat(rooms).containsOnlyKeys("tquery~5000");
        assertThat(rooms.get("tquery~5000")).singleElement().satisfies(p -> {
            assertThat(p.callerNumber()).isEqualTo("100");
            assertThat(p.callerName()).isEqualTo("Hoa");
        });
        assertThat(manager.conferences("tother~")).as("another tenant's prefix").contains(Map.of());
        asterisk.cli("channel request hangup all");
    }

    @Test
    void withoutAConnectionTheStatesAreUnknownAtOnce() {
        AsteriskManager unconnected = new AsteriskManager(sandbox.settings("wrong-secret"));

        assertThat(unconnected.endpointStates()).isEmpty();
    }
}
