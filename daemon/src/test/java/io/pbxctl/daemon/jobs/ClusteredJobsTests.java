package io.pbxctl.daemon.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.PbxDaemonApplication;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.JobListenerSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two daemons on one database, as a cluster runs: each firing of a trigger runs on exactly one
 * of them, and both report the same counts. The second daemon is a second application context
 * in this JVM, pointed at the first one's database.
 */
class ClusteredJobsTests extends ApiTestSupport {

    private static final JobKey QUOTA_RESET = JobKey.jobKey("quota-reset", "pbx");
    private static final int FIRINGS = 12;

    @Autowired
    private Scheduler first;
    @Autowired
    private DataSource dataSource;

    /** A firing as a daemon ran it: which daemon, which trigger, for which scheduled time. */
    private record Run(String instance, String trigger, Date scheduledFor) {
    }

    @Test
    void twoDaemonsOnOneDatabaseRunEachFiringExactlyOnce() throws Exception {
        HikariDataSource pool = (HikariDataSource) dataSource;
        try (ConfigurableApplicationContext secondDaemon = new SpringApplicationBuilder(PbxDaemonApplication.class)
                .profiles("test")
                .properties(Map.of("pbx.db.url", pool.getJdbcUrl(), "pbx.db.username", pool.getUsername(),
                        "pbx.db.password", pool.getPassword() == null ? "" : pool.getPassword(), "server.port", "0"))
                .run()) {
            Scheduler second = secondDaemon.getBean(Scheduler.class);
            assertThat(second.getSchedulerName()).isEqualTo(first.getSchedulerName());
            assertThat(second.getSchedulerInstanceId()).isNotEqualTo(first.getSchedulerInstanceId());
            assertThat(first.getMetaData().isJobStoreClustered()).isTrue();

            long tenantId = newTenant("VN").id();
            String triggerName = "cluster-test-" + tenantId;
            List<Run> runs = new CopyOnWriteArrayList<>();
            record(first, runs);
            record(second, runs);
            try {
                fireRepeatedly(second, tenantId, triggerName, runs);
            } finally {
                first.getListenerManager().removeJobListener("cluster-test");
            }
        }
    }

    /** Schedules a trigger on the second daemon that fires every 500 ms and checks that each firing ran once. */
    private void fireRepeatedly(Scheduler second, long tenantId, String triggerName, List<Run> runs) throws Exception {
        Trigger repeating = TriggerBuilder.newTrigger().withIdentity(triggerName, "test").forJob(QUOTA_RESET)
                .usingJobData("tenantId", tenantId)
                .startAt(new Date(System.currentTimeMillis() + 2000))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(500).withRepeatCount(FIRINGS - 1)
                        .withMisfireHandlingInstructionNowWithExistingCount())
                .build();
        second.scheduleJob(repeating);

        await().atMost(Duration.ofSeconds(60)).until(() -> first.getTrigger(repeating.getKey()) == null && runs.size() >= FIRINGS);
        // A duplicate would come from the other daemon a moment later: give it time to show.
        Thread.sleep(3000);

        List<Run> ofTrigger = runs.stream().filter(r -> r.trigger().equals("test." + triggerName)).toList();
        assertThat(ofTrigger).hasSize(FIRINGS);
        assertThat(ofTrigger.stream().map(Run::scheduledFor).distinct()).hasSize(FIRINGS);
        Map<String, Long> perDaemon = ofTrigger.stream().collect(Collectors.groupingBy(Run::instance, Collectors.counting()));
        System.out.println("firings per daemon: " + perDaemon);
        assertThat(jdbc.sql("SELECT fire_count FROM job_status WHERE job_name = 'pbx.quota-reset' AND trigger_name = ?")
                .param("test." + triggerName).query(Long.class).single()).isEqualTo(FIRINGS);
        // The job itself is idempotent on top of that: the month opened once.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quota_period WHERE tenant_id = ?").param(tenantId).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE tenant_id = ? AND action = 'QUOTA_RESET'").param(tenantId)
                .query(Long.class).single()).isEqualTo(1);
    }

    private static void record(Scheduler scheduler, List<Run> runs) throws SchedulerException {
        String instance = scheduler.getSchedulerInstanceId();
        scheduler.getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return "cluster-test";
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                runs.add(new Run(instance, context.getTrigger().getKey().toString(), context.getScheduledFireTime()));
            }
        }, KeyMatcher.keyEquals(QUOTA_RESET));
    }
}
