package io.pbxctl.daemon.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One SIPp process playing a phone or the carrier, with everything it saw kept in its own
 * directory: the SIP messages ({@code -trace_msg}), unexpected ones and errors
 * ({@code -trace_err}), the statistics ({@code -trace_stat}) and its screen. Scenarios are
 * resources under {@code /e2e/}; {@code @KEY@} placeholders in them are filled in first, because
 * SIPp reads some attributes (pcap files) only when it loads the scenario.
 */
final class Sipp implements AutoCloseable {

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path dir;
    private final Process process;

    private Sipp(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /** Starts {@code sipp} with a scenario (and an optional out-of-call scenario) and the given options. */
    static Sipp start(Path workDir, String name, String scenario, String outOfCall, Map<String, String> placeholders,
                      List<String> options) {
        Path dir = workDir.resolve(String.format("%03d-%s", RUNS.incrementAndGet(), name)).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>(List.of("sipp", "-sf", render(dir, scenario, placeholders).toString()));
            if (outOfCall != null) {
                command.addAll(List.of("-oocsf", render(dir, outOfCall, placeholders).toString()));
            }
            command.addAll(List.of("-nostdin", "-trace_msg", "-message_file", dir.resolve("messages.log").toString(),
                    "-trace_err", "-error_file", dir.resolve("errors.log").toString(),
                    "-trace_stat", "-stf", dir.resolve("stat.csv").toString()));
            command.addAll(options);
            Files.writeString(dir.resolve("command"), String.join(" ", command) + "\n");
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("screen.log").toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            return new Sipp(dir, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start sipp for " + name, e);
        }
    }

    private static Path render(Path dir, String scenario, Map<String, String> placeholders) throws IOException {
        String text;
        try {
            text = Files.readString(Path.of(Sipp.class.getResource("/e2e/" + scenario).toURI()), StandardCharsets.ISO_8859_1);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            text = text.replace("@" + placeholder.getKey() + "@", placeholder.getValue());
        }
        Path rendered = dir.resolve(scenario);
        Files.writeString(rendered, text, StandardCharsets.ISO_8859_1);
        return rendered;
    }

    /** Waits for SIPp to end by itself and returns its exit code (0: every call passed); kills it after {@code timeout}. */
    int await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("sipp did not finish within " + timeout + ": " + dir + "\n" + messages());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean running() {
        return process.isAlive();
    }

    /** The SIP messages this process sent and received so far. */
    SipLog log() {
        return SipLog.read(dir.resolve("messages.log"));
    }

    String messages() {
        try {
            Path file = dir.resolve("messages.log");
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "(no messages)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the process (SIGTERM, then SIGKILL); a phone's registration stays in Asterisk until it expires. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
