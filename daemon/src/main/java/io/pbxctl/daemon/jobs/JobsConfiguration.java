package io.pbxctl.daemon.jobs;

import org.quartz.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Quartz as the daemon uses it: a job is a Spring bean of its class (stateless, constructor
 * injected), so Quartz stores only the class name, and every run is recorded for the jobs API.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean
    SchedulerFactoryBeanCustomizer pbxJobs(ApplicationContext context, ObjectProvider<JobStatusRecorder> recorder) {
        return factory -> {
            factory.setJobFactory((bundle, scheduler) -> {
                Class<? extends Job> type = bundle.getJobDetail().getJobClass();
                return context.getBean(type);
            });
            factory.setGlobalJobListeners(recorder.getObject());
        };
    }
}
