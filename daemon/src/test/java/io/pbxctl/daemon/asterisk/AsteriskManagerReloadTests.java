package io.pbxctl.daemon.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pbxctl.daemon.asterisk.AmiStatus.Connection;
import io.pbxctl.daemon.asterisk.AmiStatus.LastReload;
import io.pbxctl.daemon.asterisk.AmiStatus.Outcome;
import io.pbxctl.daemon.sandbox.AsteriskSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reloads through the daemon's AMI connection against one real Asterisk 22, logged in as the
 * least-privilege user of {@code sandbox/ami/manager.conf}: each target applies its file, a file
 * Asterisk rejects is reported as a failure, a call in progress survives, and a wrong secret is
 * reported without hammering Asterisk.
 */
class AsteriskManagerReloadTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static AmiSandbox sandbox;
    private static AsteriskSandbox asterisk;
    private static AsteriskManager manager;
    private static final Map<Path, String> originals = new HashMap<>();

    @BeforeAll
    static void startAsteriskAndConnect() {
        AsteriskSandbox.assumeAvailable();
        sandbox = new AmiSandbox("ami-reload");
        asterisk = sandbox.start();
        manager = new AsteriskManager(sandbox.settings(AmiSandbox.SECRET));
        manager.start();
        await().atMost(WAIT).until(() -> manager.status().connected());
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

    @AfterEach
    void restoreConfig() throws IOException {
        for (Map.Entry<Path, String> original : originals.entrySet()) {
            Files.writeString(original.getKey(), original.getValue(), StandardCharsets.UTF_8);
        }
        originals.clear();
        asterisk.cli("channel request hangup all");
    }

    @Test
    void eachTargetAppliesItsFile() throws IOException {
        append("pjsip.conf", """
                [reload-probe]
                type = aor
                max_contacts = 1
                """);
        append("confbridge.conf", """
                [reload-probe]
                type = bridge
                max_members = 7
                """);
        append("extensions.conf", """
                [reload-probe]
                exten => s,1,NoOp(reloaded)
                """);
        append("http.conf", "servername = reload-probe\n");

        for (ReloadTarget target : ReloadTarget.values()) {
            assertThat(reloaded(EnumSet.of(target))).as("%s", target)
                    .extracting(LastReload::outcome, LastReload::message).containsExactly(Outcome.OK, "");
        }

        assertThat(asterisk.cli("pjsip show aor reload-probe")).containsPattern("max_contacts\\s+: 1");
        assertThat(asterisk.cli("confbridge show profile bridge reload-probe")).containsPattern("Max Members:\\s+7");
        assertThat(asterisk.cli("dialplan show reload-probe")).contains("NoOp(reloaded)");
        assertThat(asterisk.cli("http show status")).contains("Server: reload-probe");
        assertThat(manager.status().pending()).isEmpty();
    }

    @Test
    void aFileAsteriskRejectsIsReportedAsAFailureAndTheOldConfigStays() throws IOException {
        append("extensions.conf", "[unclosed\nexten => s,1,NoOp(never)\n");
        append("confbridge.conf", "[reload-probe]\ntype = bridge\nmax_members = lots\n");

        LastReload reload = reloaded(EnumSet.allOf(ReloadTarget.class));

        assertThat(reload.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(reload.targets()).containsExactly(ReloadTarget.HTTP, ReloadTarget.PJSIP, ReloadTarget.CONFBRIDGE,
                ReloadTarget.DIALPLAN);
        assertThat(reload.message()).contains("CONFBRIDGE: An unknown error occurred", "DIALPLAN: An unknown error occurred")
                .doesNotContain("PJSIP", "HTTP");
        assertThat(manager.status().pending()).as("a rejected file is not retried by itself").isEmpty();
        assertThat(asterisk.cli("dialplan show sandbox")).contains("NoOp(sandbox)");
        assertThat(manager.status().connected()).isTrue();
    }

    @Test
    void callsInProgressSurviveEveryReload() throws IOException {
        asterisk.cli("channel originate Local/wait@ami-test application Wait 60");
        await().atMost(WAIT).until(() -> channels().size() == 2 && channels().stream().allMatch(channel -> channel.endsWith("!Up!Wait")));
        List<String> before = channels();
        append("extensions.conf", "[reload-probe]\nexten => s,1,NoOp(reloaded)\n");

        assertThat(reloaded(EnumSet.allOf(ReloadTarget.class)).outcome()).isEqualTo(Outcome.OK);

        assertThat(asterisk.cli("dialplan show reload-probe")).contains("NoOp(reloaded)");
        assertThat(channels()).as("core show channels concise, before: %s", before).isEqualTo(before);
    }

    @Test
    void aWrongSecretIsReportedAsALoginFailureAndRetriedWithBackoff() throws IOException {
        AsteriskManager wrong = new AsteriskManager(sandbox.settings("not-the-secret", Duration.ofSeconds(1), Duration.ofSeconds(2)));
        wrong.start();
        try {
            await().atMost(WAIT).until(() -> wrong.status().connection() == Connection.LOGIN_FAILED);
            assertThat(wrong.status().detail()).isEqualTo("Authentication failed");
            wrong.reload(Set.of(ReloadTarget.DIALPLAN));
            long failedBefore = failedLogins();

            await().pollDelay(Duration.ofSeconds(4)).until(() -> true);

            AmiStatus status = wrong.status();
            assertThat(status.connection()).isEqualTo(Connection.LOGIN_FAILED);
            assertThat(status.pending()).containsExactly(ReloadTarget.DIALPLAN);
            assertThat(status.lastReload()).isNull();
            // Asterisk answers a wrong secret after about a second, so retrying at once would fail
            // four times in these four seconds; waiting 1 s, then 2 s, fails once or twice.
            assertThat(failedLogins() - failedBefore).as("failed logins in 4 s").isBetween(1L, 2L);
        } finally {
            wrong.stop();
        }
        assertThat(manager.status().connected()).isTrue();
    }

    private static LastReload reloaded(Set<ReloadTarget> targets) {
        LastReload previous = manager.status().lastReload();
        manager.reload(targets);
        await().atMost(WAIT).until(() -> {
            LastReload last = manager.status().lastReload();
            return last != null && last != previous && last.targets().equals(targets);
        });
        return manager.status().lastReload();
    }

    private static void append(String file, String text) throws IOException {
        Path path = sandbox.conf.resolve(file);
        String original = Files.readString(path, StandardCharsets.UTF_8);
        originals.putIfAbsent(path, original);
        Files.writeString(path, original + "\n" + text, StandardCharsets.UTF_8);
    }

    /** Name, context, extension, priority, state and application of each test call's channel. */
    private static List<String> channels() {
        return Arrays.stream(asterisk.cli("core show channels concise").split("\n"))
                .filter(line -> line.startsWith("Local/"))
                .map(line -> String.join("!", Arrays.asList(line.split("!")).subList(0, 6)))
                .toList();
    }

    /** The logins Asterisk refused so far, from its messages log. */
    private static long failedLogins() throws IOException {
        return Files.readAllLines(asterisk.logDir().resolve("messages"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("failed to authenticate as 'pbxctl'"))
                .count();
    }
}
