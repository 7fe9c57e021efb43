package io.pbxctl.daemon.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.quartz.spi.InstanceIdGenerator;

/**
 * This daemon's name in the Quartz cluster: host name, process id and start time. Quartz's own
 * {@code AUTO} ids ask DNS for the host name and stop the daemon from starting where the name does
 * not resolve (a container, a chroot, a host missing from /etc/hosts), which the Ansible
 * deployment test met; the kernel's host name needs no lookup. Quartz creates it by its class name
 * ({@code org.quartz.scheduler.instanceIdGenerator.class}).
 */
public class DaemonInstanceId implements InstanceIdGenerator {

    private static final Path KERNEL_HOST_NAME = Path.of("/proc/sys/kernel/hostname");

    @Override
    public String generateInstanceId() {
        return hostName() + "-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis();
    }

    /** At most 100 characters, so that the id fits Quartz's 190-character columns. */
    static String hostName() {
        String name = "";
        try {
            name = Files.readString(KERNEL_HOST_NAME, StandardCharsets.US_ASCII).strip();
        } catch (IOException | RuntimeException unreadable) {
            // not Linux, or /proc not mounted: the environment, else a fixed name (pid and time keep it unique)
        }
        if (name.isEmpty()) {
            String fromEnvironment = System.getenv("HOSTNAME");
            name = fromEnvironment == null || fromEnvironment.isBlank() ? "pbxctl" : fromEnvironment.strip();
        }
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
