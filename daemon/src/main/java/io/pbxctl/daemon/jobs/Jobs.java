package io.pbxctl.daemon.jobs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads every job's triggers from Quartz and joins the run counts that {@link JobStatusRecorder} keeps. */
@Service
class Jobs {

    private record Counts(long fires, long failures, Instant lastSuccess, Instant lastFailure, String message, String instance) {
        static final Counts NONE = new Counts(0, 0, null, null, null, null);
    }

    private final Scheduler scheduler;
    private final JdbcClient jdbc;

    Jobs(Scheduler scheduler, JdbcClient jdbc) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
    }

    List<JobView> list(String jobName) throws SchedulerException {
        Map<String, Counts> counts = new HashMap<>();
        jdbc.sql("SELECT * FROM job_status").query(rs -> {
            counts.put(rs.getString("job_name") + "|" + rs.getString("trigger_name"), new Counts(rs.getLong("fire_count"),
                    rs.getLong("failure_count"), instant(rs.getObject("last_success_at", LocalDateTime.class)),
                    instant(rs.getObject("last_failure_at", LocalDateTime.class)), rs.getString("last_failure_message"),
                    rs.getString("last_instance")));
        });
        List<JobView> views = new ArrayList<>();
        for (JobKey job : scheduler.getJobKeys(GroupMatcher.anyJobGroup())) {
            if (jobName != null && !job.getName().equals(jobName) && !job.toString().equals(jobName)) {
                continue;
            }
            String description = scheduler.getJobDetail(job).getDescription();
            for (Trigger trigger : scheduler.getTriggersOfJob(job)) {
                Counts c = counts.getOrDefault(job + "|" + trigger.getKey(), Counts.NONE);
                views.add(new JobView(job.toString(), trigger.getKey().toString(), description, schedule(trigger),
                        scheduler.getTriggerState(trigger.getKey()).name(), instant(trigger.getPreviousFireTime()),
                        instant(trigger.getNextFireTime()), c.fires(), c.failures(), c.lastSuccess(), c.lastFailure(), c.message(),
                        c.instance()));
            }
        }
        views.sort(Comparator.comparing(JobView::job).thenComparing(JobView::trigger));
        return views;
    }

    private static String schedule(Trigger trigger) {
        if (trigger instanceof CronTrigger cron) {
            return cron.getCronExpression() + " " + cron.getTimeZone().getID();
        }
        if (trigger instanceof SimpleTrigger simple) {
            return simple.getRepeatCount() == 0 ? "once" : "every " + simple.getRepeatInterval() + " ms";
        }
        return trigger.getClass().getSimpleName();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
