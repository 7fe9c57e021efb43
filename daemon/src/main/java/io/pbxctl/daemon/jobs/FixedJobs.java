package io.pbxctl.daemon.jobs;

import org.quartz.JobDetail;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

/**
 * Puts a job with its one trigger into the cluster's store at start-up. Every daemon does this:
 * the first creates the trigger, the others find it; a trigger whose schedule changed in the
 * settings is replaced, keeping its place otherwise (so a restart never makes a job fire early).
 */
public final class FixedJobs {

    private FixedJobs() {
    }

    public static void ensure(Scheduler scheduler, JobDetail job, Trigger trigger, String schedule) throws SchedulerException {
        scheduler.addJob(job, true);
        Trigger existing = scheduler.getTrigger(trigger.getKey());
        if (existing == null) {
            try {
                scheduler.scheduleJob(trigger);
            } catch (ObjectAlreadyExistsException e) {
                // Another daemon starting at the same time created it.
                return;
            }
        } else if (!schedule.equals(existing.getDescription())) {
            scheduler.rescheduleJob(trigger.getKey(), trigger);
        }
    }
}
