package io.pbxctl.daemon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Time from an API change to the dialplan that holds it: adds an extension through the REST API
 * as an operator, then asks Asterisk on its own AMI login every {@value #POLL_MILLIS} ms
 * ({@code dialplan show NUMBER@CONTEXT}, a millisecond or two, without the 100 ms or more that
 * each {@code asterisk -rx} costs here) until the new extension is there, whether it came by a
 * full reload or by AMI edits of the daemon. Changes run one at a time, {@code --pause-ms} apart,
 * so that each meets an idle regeneration.
 *
 * <pre>java -cp CLASSPATH io.pbxctl.daemon.bench.ReloadLatencyClient --ami-port P --ami-username bench --ami-secret S
 *      --http-port H --username bench --password-file F --tenant-id T --tenant-slug SLUG --user-id U
 *      [--changes 30] [--first-number 9000] [--pause-ms 1500] --out FILE.properties</pre>
 */
public final class ReloadLatencyClient {

    /** Asterisk 22 needs tens of seconds to reload a dialplan of 10,000 extensions with hints. */
    private static final long RELOAD_WAIT_SECONDS = 300;
    private static final long POLL_MILLIS = 5;

    private ReloadLatencyClient() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, 0);
        int changes = Integer.parseInt(options.getOrDefault("changes", "30"));
        int firstNumber = Integer.parseInt(options.getOrDefault("first-number", "9000"));
        long pause = Long.parseLong(options.getOrDefault("pause-ms", "1500"));
        long tenantId = Long.parseLong(BenchOptions.required(options, "tenant-id"));
        String context = "pbx~" + BenchOptions.required(options, "tenant-slug") + "~extensions";
        long userId = Long.parseLong(BenchOptions.required(options, "user-id"));
        String password = Files.readString(Path.of(BenchOptions.required(options, "password-file"))).strip();
        BenchModel.Rest rest = new BenchModel.Rest(Integer.parseInt(BenchOptions.required(options, "http-port")),
                BenchOptions.required(options, "username"), password);

        List<String> lines = new ArrayList<>();
        long[] total = new long[changes];
        long[] api = new long[changes];
        long[] generation = new long[changes];
        long[] reload = new long[changes];
        long[] edits = new long[changes];
        settle(rest);
        try (Ami ami = new Ami(Integer.parseInt(BenchOptions.required(options, "ami-port")), BenchOptions.required(options, "ami-username"),
                BenchOptions.required(options, "ami-secret"))) {
            for (int i = 0; i < changes; i++) {
                String number = Integer.toString(firstNumber + i);
                long start = System.nanoTime();
                long startMillis = System.currentTimeMillis();
                rest.create("/api/v1/tenants/" + tenantId + "/extensions", Map.of("userId", userId, "number", number));
                api[i] = System.nanoTime() - start;
                long deadline = start + TimeUnit.SECONDS.toNanos(RELOAD_WAIT_SECONDS);
                while (!ami.command("dialplan show " + number + "@" + context).contains("'" + number + "' =>")) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the dialplan did not hold " + number + "@" + context + " within "
                                + RELOAD_WAIT_SECONDS + " s");
                    }
                    Thread.sleep(POLL_MILLIS);
                }
                total[i] = System.nanoTime() - start;
                JsonNode status = rest.get("/api/v1/asterisk/config");
                JsonNode last = status.path("generation").path("last");
                long generatedAt = Instant.parse(last.path("at").asText()).toEpochMilli();
                generation[i] = last.path("tookMillis").asLong();
                JsonNode lastReload = status.path("asterisk").path("lastReload");
                reload[i] = Instant.parse(lastReload.path("at").asText()).toEpochMilli() - generatedAt - generation[i];
                edits[i] = lastReload.path("dialplanEdits").asLong();
                lines.add(String.format("change.%d=%s total=%.1f api=%.1f wait=%d generation=%d reload=%d edits=%d targets=%s changed=%s",
                        i + 1, number, total[i] / 1e6, api[i] / 1e6, generatedAt - startMillis, generation[i], reload[i], edits[i],
                        lastReload.path("targets"), last.path("changedFiles")));
                Thread.sleep(pause);
            }
        }
        lines.add("changes=" + changes);
        lines.add("edited-changes=" + Arrays.stream(edits).filter(n -> n > 0).count());
        summary(lines, "total", nanosToMillis(total));
        summary(lines, "api", nanosToMillis(api));
        summary(lines, "generation", generation);
        summary(lines, "reload", reload);
        Files.write(Path.of(BenchOptions.required(options, "out")), lines);
        lines.forEach(System.out::println);
    }

    /**
     * Waits for the daemon's start-up generation and its reload of every file (a large pjsip
     * reload can take long), so that the first change does not queue behind them.
     */
    private static void settle(BenchModel.Rest rest) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode status = rest.get("/api/v1/asterisk/config");
            JsonNode asterisk = status.path("asterisk");
            if (status.path("generation").path("generations").asLong() > 0 && asterisk.path("connection").asText().equals("CONNECTED")
                    && asterisk.path("pending").isEmpty() && !asterisk.path("lastReload").isNull()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the daemon's start-up generation and reload did not finish within 10 minutes");
    }

    private static long[] nanosToMillis(long[] nanos) {
        return Arrays.stream(nanos).map(n -> Math.round(n / 1e6)).toArray();
    }

    /** Nearest-rank percentiles: with 30 changes p95 is the second largest. */
    private static void summary(List<String> lines, String name, long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        lines.add(name + ".p50.ms=" + sorted[(int) Math.ceil(0.50 * n) - 1]);
        lines.add(name + ".p95.ms=" + sorted[(int) Math.ceil(0.95 * n) - 1]);
        lines.add(name + ".max.ms=" + sorted[n - 1]);
        lines.add(name + ".min.ms=" + sorted[0]);
    }

    /** A bare AMI login without events: Command answers by action id. */
    private static final class Ami implements AutoCloseable {

        private final Map<String, BlockingQueue<String>> answers = new ConcurrentHashMap<>();
        private final Socket socket;
        private final OutputStream out;
        private int actions;

        Ami(int port, String username, String secret) throws IOException, InterruptedException {
            socket = new Socket("127.0.0.1", port);
            out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            in.readLine();
            Thread reader = new Thread(() -> read(in), "ami-reader");
            reader.setDaemon(true);
            reader.start();
            String login = send("Action: Login\r\nUsername: " + username + "\r\nSecret: " + secret + "\r\nEvents: off\r\n");
            if (!login.contains("Response: Success")) {
                throw new IOException("AMI login refused: " + login);
            }
        }

        String command(String command) throws IOException, InterruptedException {
            return send("Action: Command\r\nCommand: " + command + "\r\n");
        }

        private synchronized String send(String action) throws IOException, InterruptedException {
            String id = "bench-" + ++actions;
            BlockingQueue<String> answer = new LinkedBlockingQueue<>();
            answers.put(id, answer);
            out.write((action + "ActionID: " + id + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String text = answer.poll(30, TimeUnit.SECONDS);
            answers.remove(id);
            if (text == null) {
                throw new IOException("no AMI answer to " + action.lines().findFirst().orElse(action));
            }
            return text;
        }

        private void read(BufferedReader in) {
            StringBuilder block = new StringBuilder();
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isEmpty()) {
                        block.append(line).append('\n');
                        continue;
                    }
                    String text = block.toString();
                    block.setLength(0);
                    int id = text.indexOf("ActionID: ");
                    if (id >= 0) {
                        BlockingQueue<String> answer = answers.get(text.substring(id + 10, text.indexOf('\n', id)));
                        if (answer != null) {
                            answer.add(text);
                        }
                    }
                }
            } catch (IOException e) {
                // The connection closes when the benchmark ends.
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
