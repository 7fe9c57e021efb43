package io.pbxctl.daemon.jobs;

import io.pbxctl.daemon.agi.Utc;
import java.time.Clock;
import java.time.Instant;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.quartz.listeners.JobListenerSupport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts each run of each trigger and keeps its last failure in {@code job_status}, in the
 * database so that every daemon of a cluster reports the runs of all of them.
 */
@Component
class JobStatusRecorder extends JobListenerSupport {

    static final int MESSAGE_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    JobStatusRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String getName() {
        return "pbx-job-status";
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        Instant started = context.getFireTime().toInstant();
        Instant finished = clock.instant();
        String job = context.getJobDetail().getKey().toString();
        String trigger = context.getTrigger().getKey().toString();
        String instance = instanceOf(context);
        try {
            if (failure == null) {
                jdbc.sql("""
                                INSERT INTO job_status (job_name, trigger_name, fire_count, last_started_at, last_finished_at, last_instance,
                                  last_success_at)
                                VALUES (?, ?, 1, ?, ?, ?, ?)
                                ON DUPLICATE KEY UPDATE fire_count = fire_count + 1, last_started_at = VALUES(last_started_at),
                                  last_finished_at = VALUES(last_finished_at), last_instance = VALUES(last_instance),
                                  last_success_at = VALUES(last_success_at)""")
                        .params(job, trigger, Utc.of(started), Utc.of(finished), instance, Utc.of(finished))
                        .update();
            } else {
                jdbc.sql("""
                                INSERT INTO job_status (job_name, trigger_name, fire_count, failure_count, last_started_at, last_finished_at,
                                  last_instance, last_failure_at, last_failure_message)
                                VALUES (?, ?, 1, 1, ?, ?, ?, ?, ?)
                                ON DUPLICATE KEY UPDATE fire_count = fire_count + 1, failure_count = failure_count + 1,
                                  last_started_at = VALUES(last_started_at), last_finished_at = VALUES(last_finished_at),
                                  last_instance = VALUES(last_instance), last_failure_at = VALUES(last_failure_at),
                                  last_failure_message = VALUES(last_failure_message)""")
                        .params(job, trigger, Utc.of(started), Utc.of(finished), instance, Utc.of(finished), message(failure))
                        .update();
            }
        } catch (RuntimeException e) {
            getLog().warn("could not record the run of {} by {}: {}", job, trigger, e.getMessage());
        }
    }

    /**
     * The job's own message, or the innermost cause's when Quartz only wrapped an exception the
     * job threw (its message is then the cause's class and message).
     */
    static String message(Throwable failure) {
        Throwable shown = failure;
        Throwable cause = failure.getCause();
        if (cause != null && (failure.getMessage() == null || failure.getMessage().startsWith(cause.getClass().getName()))) {
            shown = cause;
            while (shown.getCause() != null && shown.getCause() != shown) {
                shown = shown.getCause();
            }
        }
        String text = shown == failure ? String.valueOf(failure.getMessage())
                : shown.getClass().getSimpleName() + (shown.getMessage() == null ? "" : ": " + shown.getMessage());
        return text.length() <= MESSAGE_LENGTH ? text : text.substring(0, MESSAGE_LENGTH);
    }

    private static String instanceOf(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return null;
        }
    }
}
