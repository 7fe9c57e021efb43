package io.pbxctl.daemon.sandbox;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real Asterisk 22 for a test, run by {@code scripts/asterisk-sandbox} (see
 * docs/asterisk-sandbox.md): {@link #start} builds the cached chroot when needed and boots
 * Asterisk with the files of a config directory; {@link #close} stops it and leaves no process or
 * mount behind. Asterisk shares the host's loopback, so AMI, SIP and FastAGI ports on 127.0.0.1
 * are reachable both ways.
 *
 * <p>The sandbox needs root, or passwordless sudo (the script re-runs itself through it): without
 * either, {@link #start} skips the calling test through a JUnit assumption. With it, any failure
 * (build, boot) fails the test with the script's output.
 */
public final class AsteriskSandbox implements AutoCloseable {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    private static volatile Boolean privileged;

    private final Path script;
    private final Path runDir;
    /** Stops Asterisk should the test JVM exit without closing the sandbox. */
    private final Thread shutdownHook;
    private boolean closed;

    private AsteriskSandbox(Path script, Path runDir) {
        this.script = script;
        this.runDir = runDir;
        this.shutdownHook = new Thread(this::stop, "asterisk-sandbox-stop");
    }

    /**
     * Builds the chroot if needed and starts Asterisk: state in {@code runDir}, config files from
     * {@code confDir} (its {@code asterisk.conf}, if any, is replaced by the script's own). Skips
     * the calling test when the sandbox cannot run on this machine.
     */
    public static AsteriskSandbox start(Path runDir, Path confDir) {
        assumeAvailable();
        Path script = script();
        run(script, BUILD_TIMEOUT, "build");
        Path run = runDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AsteriskSandbox sandbox = new AsteriskSandbox(script, run);
        Runtime.getRuntime().addShutdownHook(sandbox.shutdownHook);
        try {
            run(script, COMMAND_TIMEOUT, "start", run.toString(), confDir.toAbsolutePath().normalize().toString());
        } catch (RuntimeException e) {
            try {
                sandbox.close();
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        return sandbox;
    }

    /** Skips the calling test, saying why, unless we are root or have passwordless sudo. */
    public static void assumeAvailable() {
        assumeTrue(privileged(), "Asterisk sandbox skipped: it needs root or passwordless sudo"
                + " (chroot, mount namespace); run as root as CI does, or see docs/asterisk-sandbox.md");
    }

    /** Runs one Asterisk CLI command ({@code asterisk -rx}) and returns its output. */
    public String cli(String command) {
        return run(script, COMMAND_TIMEOUT, "cli", runDir.toString(), command);
    }

    /** The instance directory: {@code log/} (astlogdir), {@code lib/}, {@code spool/}, {@code asterisk.conf}. */
    public Path runDir() {
        return runDir;
    }

    /** Asterisk's log directory (astlogdir). */
    public Path logDir() {
        return runDir.resolve("log");
    }

    /** The host pid of the Asterisk process while it runs. */
    public long pid() {
        try {
            return Long.parseLong(Files.readString(runDir.resolve(".sandbox/asterisk.pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops Asterisk ({@code core stop now}, then signals); safe to call twice. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: stopping twice is harmless
            }
            stop();
        }
    }

    private void stop() {
        run(script, COMMAND_TIMEOUT, "stop", runDir.toString());
    }

    /**
     * Copies the config files of {@code from} into {@code to}, replacing each {@code @KEY@} by its
     * value (ports picked at run time, secrets).
     */
    public static void copyConfig(Path from, Path to, Map<String, String> values) {
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    for (Map.Entry<String, String> value : values.entrySet()) {
                        text = text.replace("@" + value.getKey() + "@", value.getValue());
                    }
                    Files.writeString(to.resolve(file.getFileName()), text, StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TCP port on 127.0.0.1 free at the time of asking. */
    public static int freeTcpPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A UDP port on 127.0.0.1 free at the time of asking. */
    public static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code scripts/asterisk-sandbox}, found from the working directory (the daemon module) upwards. */
    static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scripts/asterisk-sandbox");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/asterisk-sandbox not found above " + Path.of("").toAbsolutePath());
    }

    private static boolean privileged() {
        if (privileged == null) {
            privileged = "0".equals(quietly("id", "-u").orElse("").trim()) || quietly("sudo", "-n", "true").isPresent();
        }
        return privileged;
    }

    /** Output of a command that exited 0, or empty when it failed or does not exist. */
    private static Optional<String> quietly(String... command) {
        try {
            Result result = exec(List.of(command), Duration.ofSeconds(10));
            return result.exitCode == 0 ? Optional.of(result.output) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String run(Path script, Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        Result result;
        try {
            result = exec(command, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
        if (result.exitCode != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + result.exitCode + "):\n" + result.output);
        }
        return result.output;
    }

    private record Result(int exitCode, String output) {}

    private static Result exec(List<String> command, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                        + ":\n" + output.getNow(""));
            }
            return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + command, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the output of " + command, e);
        }
    }
}
