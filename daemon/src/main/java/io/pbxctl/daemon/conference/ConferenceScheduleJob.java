package io.pbxctl.daemon.conference;

import io.pbxctl.daemon.jobs.FixedJobs;
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

/** Runs {@link ConferenceSchedule} every {@code pbx.conferences.check-interval} on one daemon of the cluster. */
@Component
@DisallowConcurrentExecution
class ConferenceScheduleJob implements Job {

    static final JobKey KEY = JobKey.jobKey("conference-schedule", "pbx");

    private final ConferenceSchedule schedule;

    ConferenceScheduleJob(ConferenceSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        ConferenceSchedule.Run run = schedule.run();
        if (!run.failures().isEmpty()) {
            throw new JobExecutionException(String.join("; ", run.failures()));
        }
    }

    /** Puts the job and its trigger into the cluster's store at start-up. */
    @Component
    static class Registration {

        private final Scheduler scheduler;
        private final ConferenceScheduleProperties settings;

        Registration(Scheduler scheduler, ConferenceScheduleProperties settings) {
            this.scheduler = scheduler;
            this.settings = settings;
        }

        @EventListener(ApplicationReadyEvent.class)
        void register() throws SchedulerException {
            long interval = settings.checkInterval().toMillis();
            String schedule = "every " + interval + " ms";
            FixedJobs.ensure(scheduler,
                    JobBuilder.newJob(ConferenceScheduleJob.class).withIdentity(KEY).storeDurably()
                            .withDescription("Reminds hosts before their room's start and ends conferences at the end of their window").build(),
                    TriggerBuilder.newTrigger().withIdentity(KEY.getName(), KEY.getGroup()).forJob(KEY).withDescription(schedule)
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule().repeatForever().withIntervalInMilliseconds(interval)
                                    .withMisfireHandlingInstructionNextWithRemainingCount())
                            .build(),
                    schedule);
        }
    }
}
