package io.pbxctl.daemon.quota;

import io.pbxctl.daemon.audit.ModelChanged;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps one monthly trigger per tenant, a cron trigger in the tenant's time zone: created with
 * the tenant, moved when its time zone changes, removed with it, and checked against all tenants
 * at start-up (a tenant changed through another daemon, or while this one was down). A trigger
 * that missed its time because no daemon was running fires once as soon as one runs (misfire
 * policy "fire and proceed"). Several daemons may do this at once: Quartz's store keeps one
 * trigger per key.
 */
@Component
class QuotaResetSchedule {

    private static final Logger log = LoggerFactory.getLogger(QuotaResetSchedule.class);
    static final JobKey JOB = JobKey.jobKey("quota-reset", "pbx");
    static final String TRIGGER_GROUP = "quota-reset";
    static final String MONTHLY = "0 0 0 1 * ?";

    private final Scheduler scheduler;
    private final JdbcClient jdbc;

    QuotaResetSchedule(Scheduler scheduler, JdbcClient jdbc) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
    }

    static TriggerKey triggerOf(long tenantId) {
        return TriggerKey.triggerKey("tenant-" + tenantId, TRIGGER_GROUP);
    }

    @EventListener(ApplicationReadyEvent.class)
    void synchroniseAll() throws SchedulerException {
        JobDetail job = JobBuilder.newJob(QuotaResetJob.class).withIdentity(JOB).storeDurably().requestRecovery()
                .withDescription("Opens each tenant's monthly minute-quota period at 00:00 on the 1st in its time zone").build();
        scheduler.addJob(job, true);
        Set<TriggerKey> wanted = new HashSet<>();
        for (Map.Entry<Long, String> tenant : jdbc.sql("SELECT id, time_zone FROM tenant")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()) {
            wanted.add(triggerOf(tenant.getKey()));
            schedule(tenant.getKey(), tenant.getValue());
        }
        for (TriggerKey existing : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(TRIGGER_GROUP))) {
            if (!wanted.contains(existing)) {
                scheduler.unscheduleJob(existing);
            }
        }
    }

    /**
     * After the tenant's change committed. Quartz's store writes through the daemon's DataSource
     * and joins the current transaction, which after a commit no longer commits anything: hence a
     * new transaction of its own.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onModelChanged(ModelChanged change) {
        if (!"tenant".equals(change.type()) || change.tenantId() == null) {
            return;
        }
        try {
            Optional<String> zone = jdbc.sql("SELECT time_zone FROM tenant WHERE id = ?").param(change.tenantId()).query(String.class).optional();
            if (zone.isPresent()) {
                schedule(change.tenantId(), zone.get());
            } else {
                scheduler.unscheduleJob(triggerOf(change.tenantId()));
            }
        } catch (SchedulerException e) {
            // The next start-up synchronises every tenant again.
            log.warn("could not update the quota reset trigger of tenant {}: {}", change.tenantId(), e.getMessage());
        }
    }

    private void schedule(long tenantId, String zone) throws SchedulerException {
        TriggerKey key = triggerOf(tenantId);
        Trigger existing = scheduler.getTrigger(key);
        if (existing instanceof CronTrigger cron && cron.getTimeZone().getID().equals(zone) && cron.getCronExpression().equals(MONTHLY)) {
            return;
        }
        CronTrigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(JOB)
                .withDescription("tenant " + tenantId)
                .usingJobData(QuotaResetJob.TENANT_ID, tenantId)
                .withSchedule(CronScheduleBuilder.cronSchedule(MONTHLY).inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        if (existing == null) {
            try {
                scheduler.scheduleJob(trigger);
            } catch (ObjectAlreadyExistsException e) {
                // Another daemon created it meanwhile, from the same tenant row.
                return;
            }
        } else {
            scheduler.rescheduleJob(key, trigger);
        }
    }
}
