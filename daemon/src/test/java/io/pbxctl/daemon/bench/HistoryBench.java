package io.pbxctl.daemon.bench;

import io.pbxctl.daemon.PbxDaemonApplication;
import io.pbxctl.daemon.security.Caller;
import io.pbxctl.daemon.security.OperatorAccounts;
import io.pbxctl.daemon.security.Role;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Times call history on {@code --records} call records (docs/performance.md, "Call history"):
 * starts the daemon (embedded MariaDB in {@code --data-dir}, HTTP on a free port, no FastAGI,
 * AMI or import), seeds {@link HistoryModel} unless the database holds records already, then
 * times over HTTP, as an operator, filtered pages and statistics of the large tenant's last
 * month ({@code --runs} times each after {@code --warmup}), and one CSV and one XLSX export of
 * the last three months while sampling the heap. Results go to {@code --out} as properties.
 *
 * <pre>java -Xmx512m -cp CLASSPATH io.pbxctl.daemon.bench.HistoryBench --data-dir D --records 10000000 --out F</pre>
 */
public final class HistoryBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, 0);
        Path dataDir = Path.of(BenchOptions.required(options, "data-dir")).toAbsolutePath();
        long records = Long.parseLong(BenchOptions.required(options, "records"));
        int tenants = Integer.parseInt(options.getOrDefault("tenants", "10"));
        int bigShare = Integer.parseInt(options.getOrDefault("big-share", "40"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "15"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
        long bufferPoolMb = Long.parseLong(options.getOrDefault("buffer-pool-mb", "2048"));
        Path out = Path.of(BenchOptions.required(options, "out"));
        List<String> lines = new ArrayList<>();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PbxDaemonApplication.class)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN")
                .run("--pbx.data-dir=" + dataDir, "--pbx.secrets.generate-if-missing=true", "--pbx.demo=false", "--server.port=0",
                        "--pbx.fastagi.enabled=false", "--pbx.ami.enabled=false", "--pbx.asterisk.generate=false",
                        "--pbx.cdr.import-enabled=false")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            // The embedded MariaDB starts with InnoDB's 128 MB default; a server holding ten million
            // calls would be given more, and the figures should not measure the embedded default.
            jdbc.execute("SET GLOBAL innodb_buffer_pool_size = " + bufferPoolMb * 1048576L);
            lines.add("innodb.buffer-pool.mb=" + bufferPoolMb);
            HistoryModel model = new HistoryModel(jdbc, tenants, 200, 10);
            if (model.records() == 0) {
                long start = System.nanoTime();
                model.seed(records, bigShare, step -> System.err.println(LocalTime.now() + " " + step));
                lines.add("seed.seconds=" + String.format("%.0f", (System.nanoTime() - start) / 1e9));
            }
            // A database seeded before migration 0035 has no record counts in its summary; the
            // seed made one record per call, so the counts are the calls.
            jdbc.update("UPDATE call_day_summary SET records = calls WHERE records = 0");
            lines.add("records=" + model.records());
            long big = HistoryModel.FIRST_TENANT;
            lines.add("big-tenant.records=" + jdbc.queryForObject("SELECT COUNT(*) FROM call_record WHERE tenant_id = ?", Long.class, big));
            lines.add("big-tenant.month.records=" + jdbc.queryForObject("SELECT COUNT(*) FROM call_record WHERE tenant_id = ?"
                    + " AND started_at >= '2026-10-31 17:00:00' AND started_at < '2026-11-30 17:00:00'", Long.class, big));
            lines.add("summary.rows=" + jdbc.queryForObject("SELECT COUNT(*) FROM call_day_summary", Long.class));
            lines.add("day-totals.rows=" + jdbc.queryForObject("SELECT COUNT(*) FROM call_day_total", Long.class));

            String password = UUID.randomUUID() + "-Aa1";
            String username = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            asOperator(() -> context.getBean(OperatorAccounts.class).create(username, password));
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String base = "http://127.0.0.1:" + port + "/api/v1/tenants/" + big + "/calls";
            String auth = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            String month = "from=2026-11-01&to=2026-11-30";
            // A user, department, extension and outside number that the large tenant's last month has calls of.
            long user = jdbc.queryForObject("SELECT user_id FROM call_record WHERE tenant_id = ? ORDER BY id DESC LIMIT 1", Long.class, big);
            long department = jdbc.queryForObject("SELECT department_id FROM call_record WHERE tenant_id = ? ORDER BY id DESC LIMIT 1",
                    Long.class, big);
            String extension = jdbc.queryForObject("SELECT caller_number FROM call_record WHERE tenant_id = ? AND direction = 'MOBILE'"
                    + " ORDER BY id DESC LIMIT 1", String.class, big);
            String outside = jdbc.queryForObject("SELECT dialled_number FROM call_record WHERE tenant_id = ? AND direction = 'MOBILE'"
                    + " ORDER BY id DESC LIMIT 1", String.class, big);
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("page.month", "?" + month);
            queries.put("page.month.user", "?" + month + "&userId=" + user);
            queries.put("page.month.department", "?" + month + "&departmentId=" + department);
            queries.put("page.month.direction-disposition", "?" + month + "&direction=MOBILE&disposition=ANSWERED");
            queries.put("page.month.extension", "?" + month + "&extension=" + extension);
            queries.put("page.month.page-100", "?" + month + "&page=100");
            queries.put("page.month.sorted-by-talk", "?" + month + "&sort=talkSeconds,desc");
            queries.put("page.month.sorted-by-talk.page-100", "?" + month + "&sort=talkSeconds,desc&page=100");
            queries.put("page.day.sorted-by-duration", "?from=2026-11-20&to=2026-11-20&sort=durationSeconds,desc");
            queries.put("page.month.user.sorted-by-talk", "?" + month + "&userId=" + user + "&sort=talkSeconds,desc");
            queries.put("page.month.number-contains", "?" + month + "&number=4567");
            queries.put("page.month.number-contains.whole-number", "?" + month + "&number=" + outside);
            queries.put("page.month.number-contains.prefix", "?" + month + "&number=0912");
            queries.put("page.month.number-contains.direct-numbers", "?" + month + "&number=7300");
            queries.put("page.month.number-contains.3-digits", "?" + month + "&number=456");
            queries.put("page.year.user", "?from=2025-12-01&to=2026-11-30&userId=" + user);
            queries.put("statistics.month.by-day", "/statistics?groupBy=day&" + month);
            queries.put("statistics.month.by-user", "/statistics?groupBy=user&" + month);
            queries.put("statistics.month.by-department", "/statistics?groupBy=department&" + month);
            queries.put("statistics.month.by-owner", "/statistics?groupBy=accountCodeOwner&" + month);
            queries.put("statistics.year.by-month", "/statistics?groupBy=month&from=2025-12-01&to=2026-11-30");
            for (Map.Entry<String, String> query : queries.entrySet()) {
                lines.addAll(time(query.getKey(), base + query.getValue(), auth, warmup, runs));
            }
            String quarter = "?from=2026-09-01&to=2026-11-30";
            lines.add("export.records=" + jdbc.queryForObject("SELECT COUNT(*) FROM call_record WHERE tenant_id = ?"
                    + " AND started_at >= '2026-08-31 17:00:00' AND started_at < '2026-11-30 17:00:00'", Long.class, big));
            lines.addAll(export("export.csv", base + "/export.csv" + quarter, auth));
            lines.addAll(export("export.xlsx", base + "/export.xlsx" + quarter, auth));
            lines.add("heap.max.mb=" + Runtime.getRuntime().maxMemory() / 1048576);
        }
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }

    private static List<String> time(String name, String url, String auth, int warmup, int runs) throws Exception {
        long[] nanos = new long[runs];
        String body = "";
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            body = response.body();
            if (i >= warmup) {
                nanos[i - warmup] = took;
            }
        }
        Arrays.sort(nanos);
        int total = body.indexOf("\"totalItems\":");
        String items = total < 0 ? "" : body.substring(total + 13, body.indexOf(',', total));
        System.err.println(name + ": p50 " + ms(nanos[runs / 2]) + " ms");
        return List.of(name + ".p50.ms=" + ms(nanos[runs / 2]), name + ".p95.ms=" + ms(nanos[(int) Math.ceil(runs * 0.95) - 1]),
                name + ".max.ms=" + ms(nanos[runs - 1]), name + ".total-items=" + items);
    }

    /** Streams one export to nowhere, counting bytes, while a thread samples the heap in use every 50 ms. */
    private static List<String> export(String name, String url, String auth) throws Exception {
        System.gc();
        long baseline = heapUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(heapUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        long bytes = 0;
        long firstByte = 0;
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (bytes == 0) {
                    firstByte = System.nanoTime() - start;
                }
                bytes += n;
            }
        }
        long took = System.nanoTime() - start;
        running.set(false);
        sampler.join();
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        System.err.println(name + ": " + ms(took) + " ms, " + bytes + " bytes");
        return List.of(name + ".seconds=" + String.format("%.1f", took / 1e9), name + ".first-byte.ms=" + ms(firstByte),
                name + ".bytes=" + bytes, name + ".heap.baseline.mb=" + baseline / 1048576,
                name + ".heap.peak.mb=" + peak.get() / 1048576);
    }

    private static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static void asOperator(Runnable action) {
        Caller cli = new Caller("bench-setup", "", Role.OPERATOR, null, null);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(cli, null, cli.getAuthorities()));
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }
}
