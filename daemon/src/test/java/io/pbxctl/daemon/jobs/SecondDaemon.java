package io.pbxctl.daemon.jobs;

import io.pbxctl.daemon.PbxDaemonApplication;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.listeners.JobListenerSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The daemon in a process of its own, for {@link ClusteredJobsTests}: it prints a line for each
 * job it runs, so that the test sees both daemons' firings. A second daemon must be a process:
 * Quartz registers its data sources JVM-wide by scheduler name, which clustered daemons share.
 */
final class SecondDaemon {

    static final String READY = "SECOND-DAEMON-READY ";
    static final String FIRED = "SECOND-DAEMON-FIRED ";

    private SecondDaemon() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext daemon = SpringApplication.run(PbxDaemonApplication.class, args);
        Scheduler scheduler = daemon.getBean(Scheduler.class);
        String instance = scheduler.getSchedulerInstanceId();
        scheduler.getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return "second-daemon";
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                System.out.println(FIRED + instance + " " + context.getTrigger().getKey() + " " + context.getScheduledFireTime().getTime());
            }
        });
        System.out.println(READY + instance);
    }
}
