package io.pbxctl.daemon.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * The FastAGI load client: impersonates Asterisk asking for outbound decisions (one full
 * request per connection: connect, environment, replies to every command, close) against the
 * daemon or {@link BareAgiServer}, and checks every answer. Not a test: run by
 * scripts/benchmark-fastagi, which also explains the figures in docs/performance.md.
 *
 * <pre>
 * java -cp CLASSPATH io.pbxctl.daemon.bench.FastAgiLoadClient MODE --port P [options]
 *   probe                                        one call each for a quota and an unlimited user; prints the variables
 *   closed --connections 50 --warmup 5 --duration 20   closed loop: each connection calls again as soon as answered
 *   open   --rate 1000 --warmup 5 --duration 20        open loop: calls start on a fixed schedule, latency from it
 *   burst  --connections 2000                          that many connections at once, each a full decision
 *   report --dir DIR                                   the Markdown tables of the phase files in DIR
 * common: --label NAME --users 1000 --subset all|quota|unlimited --server-pid PID --db-pid PID --jvm true|false --progress
 *         --out FILE.properties --connect-timeout-ms 2000 --read-timeout-ms 30000
 * </pre>
 */
public final class FastAgiLoadClient {

    private final Map<String, String> options;
    private final int port;
    private final AgiCall agi;
    private final int[] users;
    private final String callIdPrefix = System.currentTimeMillis() + ".";
    private final AtomicLong callNumber = new AtomicLong();
    private final List<Recorder> recorders = new ArrayList<>();
    /** Calls finished so far, for --progress. */
    private final AtomicLong finished = new AtomicLong();

    private FastAgiLoadClient(Map<String, String> options) {
        this.options = options;
        this.port = Integer.parseInt(BenchOptions.required(options, "port"));
        this.agi = new AgiCall(new InetSocketAddress("127.0.0.1", port), integer("connect-timeout-ms", 2000),
                integer("read-timeout-ms", 30_000));
        int count = integer("users", 1000);
        String subset = options.getOrDefault("subset", "all");
        this.users = IntStream.rangeClosed(1, count)
                .filter(n -> switch (subset) {
                    case "all" -> true;
                    case "quota" -> BenchModel.hasQuota(n);
                    case "unlimited" -> !BenchModel.hasQuota(n);
                    default -> throw new IllegalArgumentException("--subset is all, quota or unlimited");
                })
                .toArray();
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: FastAgiLoadClient probe|closed|open|burst|report [--option value ...]");
            System.exit(2);
        }
        Map<String, String> options = BenchOptions.parse(args, 1);
        if (args[0].equals("report")) {
            BenchReport.print(Path.of(BenchOptions.required(options, "dir")), System.out);
            return;
        }
        FastAgiLoadClient client = new FastAgiLoadClient(options);
        if (Boolean.parseBoolean(options.getOrDefault("progress", "false"))) {
            client.printProgress();
        }
        int status = switch (args[0]) {
            case "probe" -> client.probe();
            case "closed" -> client.closedLoop();
            case "open" -> client.openLoop();
            case "burst" -> client.burst();
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        System.exit(status);
    }

    /** Every second on standard error: calls finished in that second (to see stalls and warm-up). */
    private void printProgress() {
        Thread progress = new Thread(() -> {
            long previous = 0;
            long started = System.nanoTime();
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                long now = finished.get();
                System.err.printf("%5.1f s: %d calls/s%n", (System.nanoTime() - started) / 1e9, now - previous);
                previous = now;
            }
        }, "progress");
        progress.setDaemon(true);
        progress.start();
    }

    private int integer(String name, int otherwise) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(otherwise)));
    }

    /** The environment of a new call by a random user of the subset, with a unique call id. */
    private String nextCall() {
        int user = users[ThreadLocalRandom.current().nextInt(users.length)];
        return AgiCall.environment(port, callIdPrefix + callNumber.incrementAndGet(), BenchModel.SLUG, BenchModel.device(user),
                BenchModel.extension(user), BenchModel.DIALLED);
    }

    private int probe() {
        int failures = 0;
        for (int user : new int[] {1, 2}) {
            String environment = AgiCall.environment(port, callIdPrefix + callNumber.incrementAndGet(), BenchModel.SLUG,
                    BenchModel.device(user), BenchModel.extension(user), BenchModel.DIALLED);
            AgiCall.Result result = agi.run(environment, true);
            System.out.println("# " + BenchModel.device(user) + (BenchModel.hasQuota(user) ? " (quota)" : " (unlimited)") + ": "
                    + result.outcome() + (result.detail() == null ? "" : " " + result.detail()));
            if (result.variables() != null) {
                result.variables().forEach((name, value) -> System.out.println(name + "=" + value));
            }
            if (result.outcome() != AgiCall.Outcome.ALLOWED) {
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private AgiCall.Result call(String environment) {
        AgiCall.Result result = agi.run(environment, false);
        finished.incrementAndGet();
        return result;
    }

    private ProcessWatch watch() throws IOException {
        return new ProcessWatch(Long.parseLong(options.getOrDefault("server-pid", "0")), Long.parseLong(options.getOrDefault("db-pid", "0")),
                Boolean.parseBoolean(options.getOrDefault("jvm", "true")));
    }

    private synchronized Recorder recorder() {
        Recorder recorder = new Recorder();
        recorders.add(recorder);
        return recorder;
    }

    private final ThreadLocal<Recorder> perThread = ThreadLocal.withInitial(this::recorder);

    /** Connections that call again as soon as they are answered: the peak rate. */
    private int closedLoop() throws Exception {
        int connections = integer("connections", 50);
        long warmup = TimeUnit.SECONDS.toNanos(integer("warmup", 5));
        long duration = TimeUnit.SECONDS.toNanos(integer("duration", 20));
        try (ProcessWatch watch = watch()) {
            watch.awaitReady();
            long start = System.nanoTime();
            long windowStart = start + warmup;
            long windowEnd = windowStart + duration;
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                Thread thread = new Thread(() -> {
                    Recorder recorder = perThread.get();
                    while (true) {
                        long begun = System.nanoTime();
                        if (begun >= windowEnd) {
                            return;
                        }
                        AgiCall.Result result = call(nextCall());
                        long ended = System.nanoTime();
                        // Throughput counts the calls answered within the window, wherever they began.
                        if (ended >= windowStart && ended < windowEnd) {
                            recorder.add(ended - begun, result);
                        }
                    }
                }, "closed-" + i);
                threads.add(thread);
                thread.start();
            }
            sleepUntil(windowStart);
            watch.startWindow();
            sleepUntil(windowEnd);
            watch.endWindow();
            for (Thread thread : threads) {
                thread.join();
            }
            Recorder all = Recorder.merge(recorders);
            Properties out = summary("closed", all, duration);
            out.setProperty("connections", String.valueOf(connections));
            watch.report(out, all.count);
            return finish(out);
        }
    }

    /**
     * Calls that start on a fixed schedule whatever the answers do: a call that waits for a
     * free client thread still counts from its scheduled start (no coordinated omission).
     */
    private int openLoop() throws Exception {
        int rate = integer("rate", 1000);
        int workers = integer("workers", 400);
        long warmup = TimeUnit.SECONDS.toNanos(integer("warmup", 5));
        long duration = TimeUnit.SECONDS.toNanos(integer("duration", 20));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        pool.prestartAllCoreThreads();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicLong lastEnd = new AtomicLong();
        try (ProcessWatch watch = watch()) {
            watch.awaitReady();
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            long windowStart = start + warmup;
            long windowEnd = windowStart + duration;
            double interval = 1e9 / rate;
            boolean windowOpen = false;
            long maxDispatchLateNanos = 0;
            for (long i = 0; ; i++) {
                long scheduled = start + (long) (i * interval);
                if (scheduled >= windowEnd) {
                    break;
                }
                long now;
                while ((now = System.nanoTime()) < scheduled) {
                    LockSupport.parkNanos(scheduled - now);
                }
                boolean measured = scheduled >= windowStart;
                if (measured && !windowOpen) {
                    windowOpen = true;
                    watch.startWindow();
                }
                if (measured) {
                    maxDispatchLateNanos = Math.max(maxDispatchLateNanos, now - scheduled);
                }
                String environment = nextCall();
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                pool.execute(() -> {
                    AgiCall.Result result = call(environment);
                    long ended = System.nanoTime();
                    inFlight.decrementAndGet();
                    if (measured) {
                        perThread.get().add(ended - scheduled, result);
                        lastEnd.accumulateAndGet(ended, Math::max);
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.MINUTES);
            watch.endWindow();
            Recorder all = Recorder.merge(recorders);
            // A server slower than the schedule answers the window's calls over a longer time.
            Properties out = summary("open", all, Math.max(duration, lastEnd.get() - windowStart));
            out.setProperty("rate.scheduled", String.valueOf(rate));
            out.setProperty("client.max-in-flight", String.valueOf(maxInFlight.get()));
            out.setProperty("client.max-dispatch-late.ms", ms(maxDispatchLateNanos));
            watch.report(out, all.count);
            return finish(out);
        }
    }

    /** That many connections at the same instant, each a full decision. */
    private int burst() throws Exception {
        int connections = integer("connections", 2000);
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong released = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong();
        try (ProcessWatch watch = watch()) {
            watch.awaitReady();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                String environment = nextCall();
                Thread thread = new Thread(null, () -> {
                    Recorder recorder = perThread.get();
                    ready.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    AgiCall.Result result = call(environment);
                    long ended = System.nanoTime();
                    lastEnd.accumulateAndGet(ended, Math::max);
                    recorder.add(ended - released.get(), result);
                }, "burst-" + i, 256 * 1024);
                threads.add(thread);
                thread.start();
            }
            ready.await();
            Thread.sleep(200);
            watch.startWindow();
            released.set(System.nanoTime());
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            watch.endWindow();
            Recorder all = Recorder.merge(recorders);
            long total = lastEnd.get() - released.get();
            Properties out = summary("burst", all, total);
            out.setProperty("connections", String.valueOf(connections));
            out.setProperty("burst.total.ms", ms(total));
            watch.report(out, all.count);
            return finish(out);
        }
    }

    private Properties summary(String mode, Recorder all, long windowNanos) {
        Properties out = new Properties();
        out.setProperty("mode", mode);
        out.setProperty("label", options.getOrDefault("label", "server"));
        out.setProperty("subset", options.getOrDefault("subset", "all"));
        out.setProperty("users", String.valueOf(users.length));
        out.setProperty("calls", String.valueOf(all.count));
        long allowed = all.outcomes.getOrDefault(AgiCall.Outcome.ALLOWED, 0L);
        out.setProperty("allowed", String.valueOf(allowed));
        out.setProperty("errors", String.valueOf(all.count - allowed));
        out.setProperty("refused-connections", String.valueOf(all.outcomes.getOrDefault(AgiCall.Outcome.CONNECT_FAILED, 0L)));
        StringBuilder breakdown = new StringBuilder();
        all.details.forEach((detail, count) -> breakdown.append(breakdown.length() == 0 ? "" : "; ").append(detail).append(" x").append(count));
        out.setProperty("error-breakdown", breakdown.toString());
        out.setProperty("rate.achieved", String.format(Locale.ROOT, "%.1f", allowed / (windowNanos / 1e9)));
        long[] sorted = Arrays.copyOf(all.latencies, all.count);
        Arrays.sort(sorted);
        out.setProperty("latency.p50.ms", ms(percentile(sorted, 0.50)));
        out.setProperty("latency.p90.ms", ms(percentile(sorted, 0.90)));
        out.setProperty("latency.p99.ms", ms(percentile(sorted, 0.99)));
        out.setProperty("latency.p999.ms", ms(percentile(sorted, 0.999)));
        out.setProperty("latency.max.ms", ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
        return out;
    }

    private int finish(Properties out) throws IOException {
        String file = options.get("out");
        if (file != null) {
            try (Writer writer = Files.newBufferedWriter(Path.of(file))) {
                out.store(writer, "FastAgiLoadClient " + out.getProperty("mode"));
            }
        }
        System.out.println(new TreeMap<>(out));
        return 0;
    }

    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long now;
        while ((now = System.nanoTime()) < deadline) {
            Thread.sleep(Math.max(1, (deadline - now) / 1_000_000));
        }
    }

    /** Latencies and outcomes of one thread; merged once the threads are done. */
    static final class Recorder {

        long[] latencies = new long[1024];
        int count;
        final Map<AgiCall.Outcome, Long> outcomes = new EnumMap<>(AgiCall.Outcome.class);
        final Map<String, Long> details = new TreeMap<>();

        void add(long nanos, AgiCall.Result result) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = nanos;
            outcomes.merge(result.outcome(), 1L, Long::sum);
            if (result.outcome() != AgiCall.Outcome.ALLOWED) {
                details.merge(result.outcome() + (result.detail() == null ? "" : " (" + result.detail() + ")"), 1L, Long::sum);
            }
        }

        static Recorder merge(List<Recorder> parts) {
            Recorder all = new Recorder();
            synchronized (parts) {
                int total = parts.stream().mapToInt(r -> r.count).sum();
                all.latencies = new long[Math.max(1, total)];
                for (Recorder part : parts) {
                    System.arraycopy(part.latencies, 0, all.latencies, all.count, part.count);
                    all.count += part.count;
                    part.outcomes.forEach((k, v) -> all.outcomes.merge(k, v, Long::sum));
                    part.details.forEach((k, v) -> all.details.merge(k, v, Long::sum));
                }
            }
            return all;
        }
    }

    /** Reads a phase file written with --out. */
    static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
