package io.pbxctl.daemon.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.pbxctl.daemon.ApiTestSupport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.JobListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two daemons on one database, as a cluster runs: this test's daemon and a second one in its own
 * process ({@link SecondDaemon}) on the same MariaDB. A repeating trigger runs each firing exactly
 * once across the two, also when the daemon running it stops and the other one takes over, and
 * the counts in {@code job_status} agree.
 */
class ClusteredJobsTests extends ApiTestSupport {

    private static final Logger log = LoggerFactory.getLogger(ClusteredJobsTests.class);
    private static final JobKey QUOTA_RESET = JobKey.jobKey("quota-reset", "pbx");
    private static final int FIRINGS = 12;
    private static final String LISTENER = "cluster-test";

    @Autowired
    private Scheduler first;
    @Autowired
    private DataSource dataSource;

    /** A firing as a daemon ran it: which daemon, which trigger, for which scheduled time (ms). */
    private record Run(String instance, String trigger, long scheduledFor) {
    }

    @Test
    void twoDaemonsOnOneDatabaseRunEachFiringExactlyOnce() throws Exception {
        List<Run> runs = new CopyOnWriteArrayList<>();
        List<String> secondInstance = new CopyOnWriteArrayList<>();
        Process second = startSecondDaemon(runs, secondInstance);
        try {
            await().atMost(Duration.ofMinutes(5)).until(() -> !secondInstance.isEmpty() || !second.isAlive());
            assertThat(second.isAlive()).as("the second daemon started").isTrue();
            assertThat(secondInstance.get(0)).isNotEqualTo(first.getSchedulerInstanceId());
            assertThat(first.getMetaData().isJobStoreClustered()).isTrue();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM QRTZ_SCHEDULER_STATE WHERE INSTANCE_NAME IN (?, ?)")
                    .params(first.getSchedulerInstanceId(), secondInstance.get(0)).query(Long.class).single()).isEqualTo(2);

            String instance = first.getSchedulerInstanceId();
            first.getListenerManager().addJobListener(new JobListenerSupport() {
                @Override
                public String getName() {
                    return LISTENER;
                }

                @Override
                public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                    runs.add(new Run(instance, context.getTrigger().getKey().toString(), context.getScheduledFireTime().getTime()));
                }
            }, KeyMatcher.keyEquals(QUOTA_RESET));
            fireRepeatedly(runs, second);
        } finally {
            first.getListenerManager().removeJobListener(LISTENER);
            first.start();
            second.destroy();
            if (!second.waitFor(60, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    /**
     * Schedules a trigger firing every second while this daemon stands by, so that the second one
     * runs the first half; then the second one stops (as a daemon going down) and this one takes
     * over. Each firing must have run once, on one of the two.
     */
    private void fireRepeatedly(List<Run> runs, Process second) throws Exception {
        long tenantId = newTenant("VN").id();
        String trigger = "test.cluster-test-" + tenantId;
        Trigger repeating = TriggerBuilder.newTrigger().withIdentity("cluster-test-" + tenantId, "test").forJob(QUOTA_RESET)
                .usingJobData("tenantId", tenantId)
                .startAt(new Date(System.currentTimeMillis() + 2000))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(1000).withRepeatCount(FIRINGS - 1)
                        .withMisfireHandlingInstructionNowWithExistingCount())
                .build();
        first.standby();
        first.scheduleJob(repeating);

        await().atMost(Duration.ofSeconds(60)).until(() -> runs.stream().filter(r -> r.trigger().equals(trigger)).count() >= FIRINGS / 2);
        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the second daemon stopped").isTrue();
        first.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> first.getTrigger(repeating.getKey()) == null
                && runs.stream().filter(r -> r.trigger().equals(trigger)).count() >= FIRINGS);
        // A duplicate would show a moment later: give it time to.
        Thread.sleep(3000);

        List<Run> ofTrigger = runs.stream().filter(r -> r.trigger().equals(trigger)).toList();
        Map<String, Long> perDaemon = ofTrigger.stream().collect(Collectors.groupingBy(Run::instance, Collectors.counting()));
        log.info("{} firings per daemon: {}", FIRINGS, perDaemon);
        assertThat(ofTrigger).hasSize(FIRINGS);
        assertThat(ofTrigger.stream().map(Run::scheduledFor).distinct()).hasSize(FIRINGS);
        assertThat(perDaemon).hasSize(2);
        assertThat(jdbc.sql("SELECT fire_count FROM job_status WHERE job_name = 'pbx.quota-reset' AND trigger_name = ?")
                .param(trigger).query(Long.class).single()).isEqualTo(FIRINGS);
        // The job itself is idempotent on top of that: the month opened once.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quota_period WHERE tenant_id = ?").param(tenantId).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE tenant_id = ? AND action = 'QUOTA_RESET'").param(tenantId)
                .query(Long.class).single()).isEqualTo(1);
    }

    /** Starts {@link SecondDaemon} on this test's database, with this JVM's class path, reading its firings from its output. */
    private Process startSecondDaemon(List<Run> runs, List<String> instance) throws Exception {
        HikariDataSource pool = (HikariDataSource) dataSource;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), SecondDaemon.class.getName(),
                "--spring.profiles.active=test", "--pbx.db.url=" + pool.getJdbcUrl(), "--pbx.db.username=" + pool.getUsername(),
                "--pbx.db.password=" + (pool.getPassword() == null ? "" : pool.getPassword()), "--server.port=0",
                "--spring.quartz.scheduler-name=" + first.getSchedulerName(), "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith(SecondDaemon.READY)) {
                        instance.add(line.substring(SecondDaemon.READY.length()).trim());
                    } else if (line.startsWith(SecondDaemon.FIRED)) {
                        String[] fields = line.substring(SecondDaemon.FIRED.length()).trim().split(" ");
                        runs.add(new Run(fields[0], fields[1], Long.parseLong(fields[2])));
                    } else {
                        log.debug("second daemon: {}", line);
                    }
                }
            } catch (java.io.IOException e) {
                log.info("second daemon's output ended: {}", e.getMessage());
            }
        }, "second-daemon-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }
}
