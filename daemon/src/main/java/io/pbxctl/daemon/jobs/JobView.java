package io.pbxctl.daemon.jobs;

import java.time.Instant;

/**
 * One trigger of a scheduled job as operators see it: what it runs, when it ran and runs next
 * (from Quartz's store, so the same on every daemon), how often it ran and failed, and the last
 * failure. {@code schedule} is the cron expression and its time zone, or the repeat interval.
 */
public record JobView(String job, String trigger, String description, String schedule, String state, Instant previousFireTime,
        Instant nextFireTime, long fireCount, long failureCount, Instant lastSuccessAt, Instant lastFailureAt,
        String lastFailureMessage, String lastInstance) {
}
