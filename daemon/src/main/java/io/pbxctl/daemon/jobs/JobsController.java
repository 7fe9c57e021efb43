package io.pbxctl.daemon.jobs;

import io.pbxctl.daemon.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.quartz.SchedulerException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The scheduled jobs of the cluster, for operators: last and next fire time, runs and failures per trigger. */
@RestController
@Tag(name = "Scheduled jobs")
class JobsController {

    private final Jobs jobs;
    private final Access access;

    JobsController(Jobs jobs, Access access) {
        this.jobs = jobs;
        this.access = access;
    }

    @GetMapping("/api/v1/jobs")
    @Operation(summary = "Every trigger of every scheduled job (operators); filter: job (its name, such as quota-reset)")
    List<JobView> list(@RequestParam(required = false) String job) throws SchedulerException {
        access.requireOperator();
        return jobs.list(job);
    }
}
