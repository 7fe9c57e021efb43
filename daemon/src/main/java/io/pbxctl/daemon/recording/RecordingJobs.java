package io.pbxctl.daemon.recording;

import io.pbxctl.daemon.jobs.FixedJobs;
import java.io.IOException;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The recording jobs of the cluster: scanning for finished recordings, mailing them, and the
 * daily retention. Each runs on one daemon at a time; a round with failures fails the run, so
 * that the jobs API shows it.
 */
@Component
class RecordingJobs {

    static final JobKey SCAN = JobKey.jobKey("recording-scan", "pbx");
    static final JobKey MAIL = JobKey.jobKey("recording-mail", "pbx");
    static final JobKey RETENTION = JobKey.jobKey("recording-retention", "pbx");

    private final Scheduler scheduler;
    private final RecordingProperties settings;

    RecordingJobs(Scheduler scheduler, RecordingProperties settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() throws SchedulerException {
        every(SCAN, ScanJob.class, "Registers recordings that MixMonitor finished", settings.scanInterval().toMillis());
        every(MAIL, MailJob.class, "Mails registered recordings to their users, retrying failures", settings.mailInterval().toMillis());
        String cron = settings.retentionCron() + " UTC";
        FixedJobs.ensure(scheduler,
                JobBuilder.newJob(RetentionJob.class).withIdentity(RETENTION).storeDurably()
                        .withDescription("Deletes recordings older than their tenant's retention period").build(),
                TriggerBuilder.newTrigger().withIdentity(RETENTION.getName(), RETENTION.getGroup()).forJob(RETENTION).withDescription(cron)
                        .withSchedule(CronScheduleBuilder.cronSchedule(settings.retentionCron()).inTimeZone(TimeZone.getTimeZone("UTC"))
                                .withMisfireHandlingInstructionFireAndProceed())
                        .build(),
                cron);
    }

    private void every(JobKey key, Class<? extends Job> type, String description, long intervalMs) throws SchedulerException {
        String schedule = "every " + intervalMs + " ms";
        FixedJobs.ensure(scheduler,
                JobBuilder.newJob(type).withIdentity(key).storeDurably().withDescription(description).build(),
                TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup()).forJob(key).withDescription(schedule)
                        .withSchedule(SimpleScheduleBuilder.simpleSchedule().repeatForever().withIntervalInMilliseconds(intervalMs)
                                .withMisfireHandlingInstructionNextWithRemainingCount())
                        .build(),
                schedule);
    }

    @Component
    @DisallowConcurrentExecution
    static class ScanJob implements Job {

        private final RecordingScan scan;

        ScanJob(RecordingScan scan) {
            this.scan = scan;
        }

        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            try {
                scan.scan();
            } catch (IOException e) {
                throw new JobExecutionException("could not scan the recordings directory: " + e.getMessage(), e);
            }
        }
    }

    @Component
    @DisallowConcurrentExecution
    static class MailJob implements Job {

        private final RecordingMailer mailer;

        MailJob(RecordingMailer mailer) {
            this.mailer = mailer;
        }

        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            RecordingMailer.Round round = mailer.sendDue();
            if (!round.failures().isEmpty()) {
                throw new JobExecutionException(round.failures().size() + " recording mails failed, " + round.sent() + " sent; first: "
                        + round.failures().get(0));
            }
        }
    }

    @Component
    @DisallowConcurrentExecution
    static class RetentionJob implements Job {

        private final RecordingRetention retention;

        RetentionJob(RecordingRetention retention) {
            this.retention = retention;
        }

        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            try {
                retention.deleteExpired();
            } catch (IOException e) {
                throw new JobExecutionException("could not delete an expired recording: " + e.getMessage(), e);
            }
        }
    }
}
