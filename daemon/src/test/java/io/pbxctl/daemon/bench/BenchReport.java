package io.pbxctl.daemon.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Markdown tables of a benchmark run, from the phase files FastAgiLoadClient wrote
 * ({@code <label>-<mode>[-<subset>].properties}: bare-closed, daemon-serial-quota, ...). A phase
 * run in rounds ({@code bare-closed-1}, {@code bare-closed-2}, ...) is shown as their average
 * (sums for counts, maxima for peaks), and the closed-loop ratio also round by round.
 */
final class BenchReport {

    private static final double CLOSED_TARGET = 0.70;
    private static final double P99_TARGET_MS = 10.0;
    /** Cores taken by other processes and the hypervisor above which a phase's figures are flagged. */
    private static final double NOISY_CORES = 0.2;
    private static final Pattern ROUND = Pattern.compile("(.+)-(\\d+)\\.properties");

    private final Map<String, Properties> phases = new LinkedHashMap<>();
    private final Map<String, List<Properties>> rounds = new LinkedHashMap<>();

    private BenchReport(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.toString().endsWith(".properties")).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            Matcher round = ROUND.matcher(name);
            if (round.matches()) {
                rounds.computeIfAbsent(round.group(1), k -> new ArrayList<>()).add(FastAgiLoadClient.load(file));
            } else {
                phases.put(name.substring(0, name.length() - ".properties".length()), FastAgiLoadClient.load(file));
            }
        }
        rounds.forEach((name, list) -> phases.putIfAbsent(name, combine(list)));
    }

    static void print(Path dir, PrintStream out) throws IOException {
        new BenchReport(dir).print(out);
    }

    /** Rounds as one phase: counts summed, peaks as maxima, everything else averaged. */
    private static Properties combine(List<Properties> parts) {
        Properties all = new Properties();
        for (String key : parts.get(0).stringPropertyNames()) {
            List<String> values = parts.stream().map(p -> p.getProperty(key)).filter(v -> v != null).toList();
            if (key.equals("error-breakdown")) {
                all.setProperty(key, values.stream().filter(v -> !v.isBlank()).collect(Collectors.joining("; ")));
                continue;
            }
            double[] numbers;
            try {
                numbers = values.stream().mapToDouble(Double::parseDouble).toArray();
            } catch (NumberFormatException e) {
                all.setProperty(key, values.get(0));
                continue;
            }
            double result;
            if (Stream.of("calls", "allowed", "errors", "refused-connections", "server.gc.").anyMatch(key::startsWith)) {
                result = java.util.Arrays.stream(numbers).sum();
            } else if (key.contains(".max") || key.equals("load1.end")) {
                result = java.util.Arrays.stream(numbers).max().orElse(Double.NaN);
            } else if (key.equals("load1.start")) {
                result = numbers[0];
            } else {
                result = java.util.Arrays.stream(numbers).average().orElse(Double.NaN);
            }
            all.setProperty(key, String.format(Locale.ROOT, "%.3f", result));
        }
        all.setProperty("rounds", String.valueOf(parts.size()));
        return all;
    }

    private String get(String phase, String key) {
        Properties p = phases.get(phase);
        String value = p == null ? null : p.getProperty(key);
        return value == null ? "n/a" : value;
    }

    private double number(String phase, String key) {
        try {
            return Double.parseDouble(get(phase, key));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String f0(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String f1(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String f2(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    private String latencies(String phase) {
        return String.join(" / ", f2(number(phase, "latency.p50.ms")), f2(number(phase, "latency.p99.ms")),
                f2(number(phase, "latency.p999.ms")), f2(number(phase, "latency.max.ms")));
    }

    private String errors(String phase) {
        if (!phases.containsKey(phase)) {
            return "n/a";
        }
        String count = f0(number(phase, "errors"));
        String breakdown = get(phase, "error-breakdown");
        return count + (count.equals("0") || breakdown.isBlank() ? "" : " (" + breakdown.replace("|", "/") + ")");
    }

    private String heap(String phase) {
        return f0(number(phase, "server.heap.used.max.mb")) + " / " + f0(number(phase, "server.heap.retained.max.mb")) + " / "
                + f0(number(phase, "server.heap.committed.max.mb"));
    }

    /** The daemon/bare ratio of each closed-loop round, when the closed loop ran in rounds. */
    private String roundRatios() {
        List<Properties> bare = rounds.get("bare-closed");
        List<Properties> daemon = rounds.get("daemon-closed");
        if (bare == null || daemon == null || bare.size() != daemon.size()) {
            return "";
        }
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < bare.size(); i++) {
            double b = Double.parseDouble(bare.get(i).getProperty("rate.achieved"));
            double d = Double.parseDouble(daemon.get(i).getProperty("rate.achieved"));
            ratios.add(f0(d) + "/" + f0(b) + " = " + f0(d * 100 / b) + " %");
        }
        return "; rounds: " + String.join(", ", ratios);
    }

    private void print(PrintStream out) {
        double bare = number("bare-closed", "rate.achieved");
        double daemon = number("daemon-closed", "rate.achieved");
        double ratio = daemon / bare;
        double p99 = number("daemon-open", "latency.p99.ms");
        long burstBad = Math.round(number("daemon-burst", "errors"));

        out.println("| measure | bare Asterisk-Java (ceiling) | pbxctl daemon | target | verdict |");
        out.println("|---|---:|---:|---|---|");
        String connections = f0(number("daemon-closed", "connections"));
        String rate = f0(number("daemon-open", "rate.scheduled"));
        String burst = f0(number("daemon-burst", "connections"));
        out.printf("| closed loop, %s connections: decisions/s | %s | %s | daemon ≥ 70 %% of bare | %s %% of bare: %s%s |%n", connections, f0(bare),
                f0(daemon), f0(ratio * 100), Double.isNaN(ratio) ? "n/a" : ratio >= CLOSED_TARGET ? "met" : "**missed**", roundRatios());
        out.printf("| closed loop: p50 / p99 / p99.9 / max latency, ms | %s | %s | | |%n", latencies("bare-closed"), latencies("daemon-closed"));
        out.printf("| closed loop: errors | %s | %s | 0 | |%n", errors("bare-closed"), errors("daemon-closed"));
        out.printf("| open loop %s calls/s: p50 / p99 / p99.9 / max latency from the scheduled start, ms | %s | %s | p99 < 10 ms | %s |%n",
                rate, latencies("bare-open"), latencies("daemon-open"), Double.isNaN(p99) ? "n/a" : p99 < P99_TARGET_MS ? "met" : "**missed**");
        out.printf("| open loop: answered calls/s, errors | %s, %s | %s, %s | %s, 0 | |%n", f0(number("bare-open", "rate.achieved")),
                errors("bare-open"), f0(number("daemon-open", "rate.achieved")), errors("daemon-open"), rate);
        if (phases.containsKey("daemon-open-low")) {
            double low = number("daemon-open-low", "rate.scheduled");
            // BENCH_LOW_RATE may set it, and the closed loop may not have run.
            double share = low / number("daemon-closed", "rate.achieved");
            out.printf("| open loop at %s calls/s%s: p50 / p99 / p99.9 / max, ms; errors | %s; %s | %s; %s | | |%n", f0(low),
                    !Double.isFinite(share) ? "" : " (" + f0(share * 100) + " % of the daemon's closed-loop peak)", latencies("bare-open-low"),
                    errors("bare-open-low"), latencies("daemon-open-low"), errors("daemon-open-low"));
        }
        if (phases.containsKey("daemon-serial")) {
            out.printf("| one connection at a time (service time): p50 / p99 / p99.9 / max, ms | %s | %s | | |%n", latencies("bare-serial"),
                    latencies("daemon-serial"));
        }
        out.printf("| burst of %s connections: refused connections / errors | %s / %s | %s / %s | 0 / 0 | %s |%n", burst,
                get("bare-burst", "refused-connections"), errors("bare-burst"), get("daemon-burst", "refused-connections"),
                errors("daemon-burst"), phases.containsKey("daemon-burst") ? burstBad == 0 ? "met" : "**missed**" : "n/a");
        out.printf("| burst: all %s answered after, ms (p50 / p99 / max per call) | %s (%s / %s / %s) | %s (%s / %s / %s) | | |%n", burst,
                f0(number("bare-burst", "burst.total.ms")), f0(number("bare-burst", "latency.p50.ms")), f0(number("bare-burst", "latency.p99.ms")),
                f0(number("bare-burst", "latency.max.ms")), f0(number("daemon-burst", "burst.total.ms")),
                f0(number("daemon-burst", "latency.p50.ms")), f0(number("daemon-burst", "latency.p99.ms")), f0(number("daemon-burst", "latency.max.ms")));
        out.printf("| server heap, MB: used / retained (survivors + old gen) / committed, each the max: closed loop, open loop, burst | %s, %s, %s | %s, %s, %s | | |%n",
                heap("bare-closed"), heap("bare-open"), heap("bare-burst"), heap("daemon-closed"), heap("daemon-open"), heap("daemon-burst"));
        out.printf("| server threads (max): closed loop, open loop, burst | %s, %s, %s | %s, %s, %s | | |%n",
                f0(number("bare-closed", "server.threads.max")), f0(number("bare-open", "server.threads.max")),
                f0(number("bare-burst", "server.threads.max")), f0(number("daemon-closed", "server.threads.max")),
                f0(number("daemon-open", "server.threads.max")), f0(number("daemon-burst", "server.threads.max")));
        out.printf("| server resident size (max), MB: closed loop, open loop, burst | %s, %s, %s | %s, %s, %s | | |%n",
                f0(number("bare-closed", "server.rss.max.mb")), f0(number("bare-open", "server.rss.max.mb")),
                f0(number("bare-burst", "server.rss.max.mb")), f0(number("daemon-closed", "server.rss.max.mb")),
                f0(number("daemon-open", "server.rss.max.mb")), f0(number("daemon-burst", "server.rss.max.mb")));
        out.println();

        out.println("Where the time goes: CPU per decision of each process, how busy the 2 cores were, what other processes"
                + " used (\"other\") and what the hypervisor took (\"steal\"); load1 counts the client's own threads too.");
        out.println();
        out.println("| run | decisions/s | p50 / p99 ms | server CPU ms/decision | MariaDB CPU ms/decision | client CPU ms/decision "
                + "| cores busy (of 2) | other | steal | load1 start→end |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Map<String, String> runs = new LinkedHashMap<>();
        runs.put("bare-closed", "bare, closed loop " + connections);
        runs.put("daemon-closed", "daemon, closed loop " + connections + ", all users");
        runs.put("daemon-closed-unlimited", "daemon, closed loop " + connections + ", unlimited users only");
        runs.put("daemon-closed-quota", "daemon, closed loop " + connections + ", quota users only");
        runs.put("bare-open", "bare, open loop " + rate + "/s");
        runs.put("daemon-open", "daemon, open loop " + rate + "/s, all users");
        String low = f0(number("daemon-open-low", "rate.scheduled"));
        runs.put("bare-open-low", "bare, open loop " + low + "/s");
        runs.put("daemon-open-low", "daemon, open loop " + low + "/s, all users");
        runs.put("bare-serial", "bare, 1 connection");
        runs.put("daemon-serial", "daemon, 1 connection, all users");
        runs.put("daemon-serial-unlimited", "daemon, 1 connection, unlimited users only");
        runs.put("daemon-serial-quota", "daemon, 1 connection, quota users only");
        runs.put("bare-burst", "bare, burst " + burst);
        runs.put("daemon-burst", "daemon, burst " + burst);
        runs.forEach((phase, title) -> {
            if (!phases.containsKey(phase)) {
                return;
            }
            String rounds = phases.get(phase).getProperty("rounds");
            out.printf("| %s%s | %s | %s / %s | %s | %s | %s | %s | %s | %s | %s→%s |%n", title, rounds == null ? "" : " (" + rounds + " rounds)",
                    f0(number(phase, "rate.achieved")), f2(number(phase, "latency.p50.ms")), f2(number(phase, "latency.p99.ms")),
                    f2(number(phase, "cpu.server.ms-per-decision")), phase.startsWith("bare") ? "-" : f2(number(phase, "cpu.database.ms-per-decision")),
                    f2(number(phase, "cpu.client.ms-per-decision")), f2(number(phase, "cpu.machine.busy.cores")),
                    f2(number(phase, "cpu.other.cores")), f2(number(phase, "cpu.steal.cores")), f1(number(phase, "load1.start")),
                    f1(number(phase, "load1.end")));
        });
        List<String> noisy = new ArrayList<>();
        runs.forEach((phase, title) -> {
            double lost = number(phase, "cpu.other.cores") + number(phase, "cpu.steal.cores");
            if (phases.containsKey(phase) && lost > NOISY_CORES) {
                noisy.add(title + " (" + f2(lost) + " cores)");
            }
        });
        if (!noisy.isEmpty()) {
            out.println();
            out.println("**Noisy:** other processes or the hypervisor took more than " + NOISY_CORES + " of the 2 cores during: "
                    + String.join("; ", noisy) + ". Compare those figures with care, or rerun.");
        }
        out.println();
        out.println("| run | young GCs | GC pause total, ms | errors |");
        out.println("|---|---:|---:|---|");
        runs.forEach((phase, title) -> {
            if (phases.containsKey(phase)) {
                out.printf("| %s | %s | %s | %s |%n", title, f0(number(phase, "server.gc.young")), f1(number(phase, "server.gc.ms")), errors(phase));
            }
        });
    }
}
