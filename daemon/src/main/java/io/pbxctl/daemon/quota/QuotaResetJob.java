package io.pbxctl.daemon.quota;

import java.time.Clock;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.stereotype.Component;

/**
 * Fired by each tenant's monthly trigger (see {@link QuotaResetSchedule}) at 00:00 on the 1st in
 * the tenant's time zone, or at start-up when the daemons were all down at that moment. It opens
 * the period of the moment it runs, so a late run still opens the right month.
 */
@Component
class QuotaResetJob implements Job {

    static final String TENANT_ID = "tenantId";

    private final QuotaReset reset;
    private final Clock clock = Clock.systemUTC();

    QuotaResetJob(QuotaReset reset) {
        this.reset = reset;
    }

    @Override
    public void execute(JobExecutionContext context) {
        reset.open(context.getMergedJobDataMap().getLong(TENANT_ID), clock.instant());
    }
}
