package io.pbxctl.daemon.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Applies {@code ansible/site.yml} for real, through {@code scripts/ansible-check apply}: to a
 * throw-away copy of the Asterisk sandbox's Debian testing chroot, twice, with the services
 * started from what it deployed (docs/deployment.md). Failsafe runs it after {@code package},
 * because the playbook installs the packaged jar.
 */
class AnsibleDeploymentTests {

    private static final Pattern RECAP = Pattern.compile("(?m)^pbx-chroot +: ok=(\\d+) +changed=(\\d+) +unreachable=(\\d+) +failed=(\\d+)");

    @Test
    void playbookDeploysAWorkingPbxAndASecondRunChangesNothing() throws IOException, InterruptedException {
        assumeTrue(privileged(), "Ansible deployment test skipped: applying the playbook to a chroot needs root or"
                + " passwordless sudo (chroot, mount and pid namespaces); CI runs as root, see docs/deployment.md");
        Path repo = repository();
        Path jar = repo.resolve("daemon/target/pbxctl-daemon.jar");
        assertThat(jar).as("the packaged daemon (this test runs after package)").isRegularFile();
        Path work = repo.resolve("daemon/target/ansible-check");
        Path output = repo.resolve("daemon/target/ansible-check.out");

        ProcessBuilder builder = new ProcessBuilder(repo.resolve("scripts/ansible-check").toString(), "apply")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .directory(repo.toFile());
        builder.environment().put("PBX_DEPLOY_JAR", jar.toString());
        builder.environment().put("PBX_DEPLOY_WORK", work.toString());
        Process process = builder.start();
        boolean finished = process.waitFor(30, TimeUnit.MINUTES);
        if (!finished) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).as("ansible-check finished within 30 minutes:%n%s", log).isTrue();
        assertThat(process.exitValue()).as("ansible-check apply:%n%s", log).isZero();

        Path logs = work.resolve("logs");
        int[] first = recap(logs.resolve("apply-1.log"));
        int[] second = recap(logs.resolve("apply-2.log"));
        assertThat(first[1]).as("tasks changed by the first run").isPositive();
        assertThat(first[3]).as("tasks failed in the first run").isZero();
        assertThat(second[1]).as("tasks changed by the second run").isZero();
        assertThat(second[3]).as("tasks failed in the second run").isZero();
        assertThat(Files.readString(logs.resolve("ami-transcript.txt")))
                .contains("Authentication accepted")
                .contains("Permission denied");
        assertThat(Files.readString(logs.resolve("health.json"))).contains("\"status\":\"UP\"");
        assertThat(Files.readString(logs.resolve("asterisk-transports.txt"))).contains("transport~udp");
        assertThat(Files.readAllLines(Path.of("/proc/mounts"))).noneMatch(line -> line.contains(work.toString()));
    }

    /** ok, changed, unreachable and failed of the chroot host's PLAY RECAP line. */
    private static int[] recap(Path log) throws IOException {
        Matcher matcher = RECAP.matcher(Files.readString(log, StandardCharsets.UTF_8));
        assertThat(matcher.find()).as("a PLAY RECAP line for pbx-chroot in %s", log).isTrue();
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4))};
    }

    private static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("scripts/ansible-check"))) {
                return dir;
            }
        }
        throw new IllegalStateException("scripts/ansible-check not found above " + Path.of("").toAbsolutePath());
    }

    private static boolean privileged() throws InterruptedException {
        return succeeds(List.of("sh", "-c", "test \"$(id -u)\" = 0")) || succeeds(List.of("sudo", "-n", "true"));
    }

    private static boolean succeeds(List<String> command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
