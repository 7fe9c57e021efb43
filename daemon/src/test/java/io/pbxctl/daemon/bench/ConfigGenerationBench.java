package io.pbxctl.daemon.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.pbxctl.daemon.PbxDaemonApplication;
import io.pbxctl.daemon.config.ConfigModelLoader;
import io.pbxctl.daemon.config.GeneratedFile;
import io.pbxctl.daemon.config.GenerationPhases;
import io.pbxctl.daemon.config.GenerationSettings;
import io.pbxctl.daemon.config.TemplateRenderer;
import io.pbxctl.daemon.secrets.SecretBox;
import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times config generation on a model of {@code --users} users: starts the daemon's own context
 * (embedded MariaDB in {@code --data-dir}, no web server, FastAGI or AMI), seeds the model with
 * {@link GenerationModel} unless the database already holds it, then runs the generator's three
 * phases (load, render, write) {@code --warmup} times unrecorded and {@code --runs} times
 * recorded. Each run starts from an empty output directory, so every file is written and synced,
 * as on the first generation after a start. Heap is measured on one more run (see
 * docs/performance.md). Results go to {@code --out} as properties.
 *
 * <pre>java -cp CLASSPATH io.pbxctl.daemon.bench.ConfigGenerationBench --data-dir D --users 10000 [--runs 5] [--warmup 2] --out F</pre>
 */
public final class ConfigGenerationBench {

    private ConfigGenerationBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.parse(args, 0);
        Path dataDir = Path.of(BenchOptions.required(options, "data-dir")).toAbsolutePath();
        int users = Integer.parseInt(BenchOptions.required(options, "users"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "2"));
        Path out = Path.of(BenchOptions.required(options, "out"));
        Path configDir = dataDir.resolve("bench-output");
        List<String> lines = new ArrayList<>();

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PbxDaemonApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN")
                .run("--pbx.data-dir=" + dataDir, "--pbx.secrets.generate-if-missing=true", "--pbx.demo=false",
                        "--pbx.fastagi.enabled=false", "--pbx.ami.enabled=false", "--pbx.asterisk.generate=false")) {
            GenerationModel model = new GenerationModel(context.getBean(JdbcTemplate.class),
                    new TransactionTemplate(context.getBean(PlatformTransactionManager.class)), context.getBean(SecretBox.class));
            if (model.userCount() == 0) {
                long start = System.nanoTime();
                model.seed(users);
                lines.add("seed.seconds=" + String.format("%.1f", (System.nanoTime() - start) / 1e9));
            }
            lines.add("users.in-database=" + model.userCount());
            lines.add("first-tenant.id=" + model.firstTenantId());
            lines.add("first-tenant.slug=" + GenerationModel.slug(1));
            lines.add("first-user.id=" + model.firstUserId());
            GenerationPhases phases = new GenerationPhases(context.getBean(ConfigModelLoader.class), context.getBean(TemplateRenderer.class),
                    context.getBean(GenerationSettings.class), configDir);

            for (int i = 0; i < warmup; i++) {
                emptyOutput(configDir);
                phases.run();
            }
            long[][] nanos = new long[4][runs];
            GenerationPhases.Timing last = null;
            for (int i = 0; i < runs; i++) {
                emptyOutput(configDir);
                last = phases.run();
                nanos[0][i] = last.loadNanos();
                nanos[1][i] = last.renderNanos();
                nanos[2][i] = last.writeNanos();
                nanos[3][i] = last.totalNanos();
            }
            lines.add("tenants=" + last.tenants());
            lines.add("users=" + last.users());
            lines.add("devices=" + last.devices());
            lines.add("runs=" + runs);
            String[] names = {"load", "render", "write", "total"};
            for (int p = 0; p < names.length; p++) {
                long[] sorted = nanos[p].clone();
                Arrays.sort(sorted);
                lines.add(names[p] + ".median.ms=" + ms(median(sorted)));
                lines.add(names[p] + ".min.ms=" + ms(sorted[0]));
                lines.add(names[p] + ".max.ms=" + ms(sorted[sorted.length - 1]));
                lines.add(names[p] + ".all.ms=" + String.join(" ", Arrays.stream(nanos[p]).mapToObj(ConfigGenerationBench::ms).toList()));
            }
            long totalBytes = 0;
            for (GeneratedFile file : GeneratedFile.values()) {
                lines.add("bytes." + file.path() + "=" + last.bytes().get(file));
                totalBytes += last.bytes().get(file);
            }
            lines.add("bytes.total=" + totalBytes);
            lines.addAll(heap(phases, configDir));
        }
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }

    /**
     * Four views of the heap, all in MB: {@code baseline} is what the context holds after a full
     * collection; {@code live} is what a full collection leaves while the model and the rendered
     * files are both held (the generation's own data at its fullest) minus the baseline;
     * {@code after-gc.max} is the largest heap left by any collection during a generation
     * (baseline included: what the heap must at least hold); {@code allocated} is what the
     * generating thread allocated, garbage included. The JVM's own peak (sum of the heap pools'
     * peaks) mostly reflects how large G1 lets the young generation grow, and is given for
     * completeness.
     */
    private static List<String> heap(GenerationPhases phases, Path configDir) throws IOException {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        AtomicLong afterGcMax = new AtomicLong();
        AtomicLong collections = new AtomicLong();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
                afterGcMax.accumulateAndGet(used, Math::max);
                collections.incrementAndGet();
            }, null, null);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();

        emptyOutput(configDir);
        long baseline = fullGcUsed();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        afterGcMax.set(0);
        collections.set(0);
        long allocatedBefore = threads.getThreadAllocatedBytes(self);
        phases.run();
        long allocated = threads.getThreadAllocatedBytes(self) - allocatedBefore;
        long poolPeaks = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long gcsDuring = collections.get();
        long afterGc = afterGcMax.get();

        Object held = phases.loadAndRender();
        long live = fullGcUsed() - baseline;
        Reference.reachabilityFence(held);
        return List.of("heap.baseline.mb=" + mb(baseline), "heap.live.mb=" + mb(live), "heap.after-gc.max.mb=" + mb(afterGc),
                "heap.collections-during=" + gcsDuring, "heap.allocated.mb=" + mb(allocated), "heap.pool-peaks.mb=" + mb(poolPeaks),
                "heap.max.mb=" + mb(Runtime.getRuntime().maxMemory()));
    }

    private static long fullGcUsed() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void emptyOutput(Path configDir) throws IOException {
        for (GeneratedFile file : GeneratedFile.values()) {
            Files.deleteIfExists(configDir.resolve(file.path()));
        }
    }

    private static long median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    private static String mb(long bytes) {
        return String.format("%.1f", bytes / 1048576.0);
    }
}
