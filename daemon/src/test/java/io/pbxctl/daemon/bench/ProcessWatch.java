package io.pbxctl.daemon.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What the processes of a run cost while it is measured: CPU time of the server, the database
 * and this client (from /proc/PID/stat), the whole machine's busy time (from /proc/stat, so that
 * another process's load shows up), the server's peak thread count and resident size (from
 * /proc/PID/status), and for a JVM server its heap as {@code jstat -gc} reports it.
 */
final class ProcessWatch implements AutoCloseable {

    /** Clock ticks per second of /proc/.../stat times; 100 on every Linux this runs on. */
    private static final double TICKS = 100.0;

    private final long serverPid;
    private final long databasePid;
    private final long clientPid = ProcessHandle.current().pid();
    private final Thread sampler;
    private final Process jstat;
    private final Thread jstatReader;
    private volatile boolean running = true;

    private volatile int maxThreads;
    private volatile long maxRssKb;
    private volatile double maxHeapUsedMb;
    private volatile double maxHeapCommittedMb;
    private volatile double maxHeapRetainedMb;
    private volatile double lastYoungGcs = -1;
    private volatile double lastFullGcs = -1;
    private volatile double lastGcSeconds = -1;

    private Snapshot windowStart;
    private Snapshot windowEnd;
    private double gcsAtStart;
    private double fullGcsAtStart;
    private double gcSecondsAtStart;
    private double gcsAtEnd;
    private double fullGcsAtEnd;
    private double gcSecondsAtEnd;

    /** CPU seconds of the watched processes and of the machine at one instant. */
    private record Snapshot(long nanos, double server, double database, double client, double machineBusy, double machineTotal,
            double steal, double load1) {
    }

    ProcessWatch(long serverPid, long databasePid, boolean jvm) throws IOException {
        this.serverPid = serverPid;
        this.databasePid = databasePid;
        this.sampler = new Thread(this::sample, "watch-proc");
        this.sampler.setDaemon(true);
        this.sampler.start();
        if (jvm && serverPid > 0) {
            jstat = new ProcessBuilder("jstat", "-gc", String.valueOf(serverPid), "250").redirectErrorStream(true).start();
            jstatReader = new Thread(this::readJstat, "watch-jstat");
            jstatReader.setDaemon(true);
            jstatReader.start();
        } else {
            jstat = null;
            jstatReader = null;
        }
    }

    private void sample() {
        while (running) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + serverPid + "/status"))) {
                    if (line.startsWith("Threads:")) {
                        maxThreads = Math.max(maxThreads, Integer.parseInt(line.substring(8).trim()));
                    } else if (line.startsWith("VmRSS:")) {
                        maxRssKb = Math.max(maxRssKb, Long.parseLong(line.substring(6).replace("kB", "").trim()));
                    }
                }
                Thread.sleep(100);
            } catch (IOException | RuntimeException e) {
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void readJstat() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.US_ASCII))) {
            List<String> header = null;
            String line;
            while ((line = lines.readLine()) != null) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 0 && fields[0].equals("S0C")) {
                    header = Arrays.asList(fields);
                    continue;
                }
                if (header == null || fields.length != header.size()) {
                    continue;
                }
                double used = 0;
                double committed = 0;
                for (String area : List.of("S0", "S1", "E", "O")) {
                    used += value(header, fields, area + "U");
                    committed += value(header, fields, area + "C");
                }
                maxHeapUsedMb = Math.max(maxHeapUsedMb, used / 1024);
                maxHeapCommittedMb = Math.max(maxHeapCommittedMb, committed / 1024);
                // What young collections keep: survivors and the old generation (Eden is garbage or brand new).
                double retained = value(header, fields, "S0U") + value(header, fields, "S1U") + value(header, fields, "OU");
                maxHeapRetainedMb = Math.max(maxHeapRetainedMb, retained / 1024);
                lastYoungGcs = value(header, fields, "YGC");
                lastFullGcs = value(header, fields, "FGC");
                lastGcSeconds = value(header, fields, "GCT");
            }
        } catch (IOException | RuntimeException ignored) {
            // The watched JVM went away.
        }
    }

    private static double value(List<String> header, String[] fields, String name) {
        int at = header.indexOf(name);
        return at < 0 || fields[at].equals("-") ? 0 : Double.parseDouble(fields[at]);
    }

    /** Waits (at most 15 s) for the first heap sample, so that jstat's own start-up precedes the load. */
    void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (jstat != null && lastYoungGcs < 0 && jstat.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Marks the start of the measured window. */
    void startWindow() {
        windowStart = snapshot();
        gcsAtStart = lastYoungGcs;
        fullGcsAtStart = lastFullGcs;
        gcSecondsAtStart = lastGcSeconds;
    }

    /** Marks the end of the measured window. */
    void endWindow() {
        windowEnd = snapshot();
        gcsAtEnd = lastYoungGcs;
        fullGcsAtEnd = lastFullGcs;
        gcSecondsAtEnd = lastGcSeconds;
    }

    private Snapshot snapshot() {
        double[] machine = machine();
        return new Snapshot(System.nanoTime(), cpuSeconds(serverPid), cpuSeconds(databasePid), cpuSeconds(clientPid), machine[0],
                machine[1], machine[2], load1());
    }

    private static double cpuSeconds(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy, total and stolen (by the hypervisor) CPU seconds of the whole machine, summed over cores. */
    private static double[] machine() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] fields = cpu.trim().split("\\s+");
            double total = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                total += Long.parseLong(fields[i]);
            }
            double idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new double[] {(total - idle) / TICKS, total / TICKS, Long.parseLong(fields[8]) / TICKS};
        } catch (IOException | RuntimeException e) {
            return new double[] {0, 0, 0};
        }
    }

    private static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Adds the window's figures, CPU per decision for {@code decisions} decisions, to {@code out}. */
    void report(Properties out, long decisions) {
        if (windowStart == null || windowEnd == null) {
            return;
        }
        double seconds = (windowEnd.nanos() - windowStart.nanos()) / 1e9;
        double server = windowEnd.server() - windowStart.server();
        double database = windowEnd.database() - windowStart.database();
        double client = windowEnd.client() - windowStart.client();
        double busy = windowEnd.machineBusy() - windowStart.machineBusy();
        double total = windowEnd.machineTotal() - windowStart.machineTotal();
        double cores = total / seconds;
        put(out, "window.seconds", seconds);
        put(out, "cpu.server.cores", server / seconds);
        put(out, "cpu.database.cores", database / seconds);
        put(out, "cpu.client.cores", client / seconds);
        put(out, "cpu.machine.busy.cores", busy / seconds);
        put(out, "cpu.machine.cores", cores);
        double steal = windowEnd.steal() - windowStart.steal();
        // Whatever else ran meanwhile (another agent, the kernel's softirqs not charged to us), and
        // what the hypervisor gave to other machines while ours wanted to run.
        put(out, "cpu.other.cores", Math.max(0, busy - steal - server - database - client) / seconds);
        put(out, "cpu.steal.cores", steal / seconds);
        if (decisions > 0) {
            put(out, "cpu.server.ms-per-decision", server * 1000 / decisions);
            put(out, "cpu.database.ms-per-decision", database * 1000 / decisions);
            put(out, "cpu.client.ms-per-decision", client * 1000 / decisions);
        }
        put(out, "load1.start", windowStart.load1());
        put(out, "load1.end", windowEnd.load1());
        out.setProperty("server.threads.max", String.valueOf(maxThreads));
        put(out, "server.rss.max.mb", maxRssKb / 1024.0);
        if (jstat != null && gcsAtStart >= 0) {
            put(out, "server.heap.used.max.mb", maxHeapUsedMb);
            put(out, "server.heap.committed.max.mb", maxHeapCommittedMb);
            put(out, "server.heap.retained.max.mb", maxHeapRetainedMb);
            put(out, "server.gc.young", gcsAtEnd - gcsAtStart);
            put(out, "server.gc.full", fullGcsAtEnd - fullGcsAtStart);
            put(out, "server.gc.ms", (gcSecondsAtEnd - gcSecondsAtStart) * 1000);
        }
    }

    private static void put(Properties out, String key, double value) {
        out.setProperty(key, String.format(java.util.Locale.ROOT, "%.3f", value));
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        if (jstat != null) {
            jstat.destroy();
        }
    }
}
