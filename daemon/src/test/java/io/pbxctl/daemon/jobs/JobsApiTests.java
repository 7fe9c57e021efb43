package io.pbxctl.daemon.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxctl.daemon.ApiTestSupport;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Operators, and only they, see every job's triggers with last and next fire time, run counts
 * and the last failure: here a real one, the recording mailer with a recording waiting and no
 * SMTP server configured.
 */
class JobsApiTests extends ApiTestSupport {

    private static final TriggerKey MAIL = TriggerKey.triggerKey("recording-mail", "pbx");

    @Autowired
    private Scheduler scheduler;

    @Test
    void everyJobIsListedForOperatorsOnly() {
        var jobs = operator.get("/api/v1/jobs");
        assertThat(jobs.status()).isEqualTo(200);
        assertThat(StreamSupport.stream(jobs.body().spliterator(), false).map(j -> j.path("job").asText()).distinct())
                .contains("pbx.recording-scan", "pbx.recording-mail", "pbx.recording-retention", "pbx.conference-schedule");
        JsonNode retention = find(jobs.body(), "pbx.recording-retention");
        assertThat(retention.path("schedule").asText()).isEqualTo("0 30 3 * * ? UTC");
        assertThat(retention.path("nextFireTime").isNull()).isFalse();

        TenantFixture tenant = newTenant("VN");
        assertThat(tenant.admin().get("/api/v1/jobs").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/v1/jobs").status()).isEqualTo(401);
    }

    @Test
    void aFailedRunShowsWithItsMessage() throws Exception {
        TenantFixture tenant = newTenant("VN");
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        // Registered an hour ago: due without its call record (pbx.recordings.call-record-wait).
        jdbc.sql("""
                        INSERT INTO recording (tenant_id, user_id, call_id, owner_kind, file_path, size_bytes, duration_seconds, started_at,
                          finished_at, registered_at, mail_state, next_attempt_at)
                        VALUES (?, ?, '1700000000.9', 'CALLEE', ?, 1000, 1, ?, ?, ?, 'PENDING', ?)""")
                .params(tenant.id(), tenant.adminUserId(), "pbx/" + tenant.slug() + "/2026/11/22/1700000000.9~u1.wav", now, now,
                        now.minusHours(1), now.minusMinutes(1))
                .update();
        long before = failures();
        try {
            // The mail trigger's next run, brought forward: the same trigger, starting now.
            Trigger mail = scheduler.getTrigger(MAIL);
            scheduler.rescheduleJob(MAIL, mail.getTriggerBuilder().startNow().build());
            await().atMost(Duration.ofSeconds(30)).until(() -> failures() > before);
        } finally {
            jdbc.sql("DELETE FROM recording WHERE tenant_id = ?").param(tenant.id()).update();
        }
        JsonNode failed = find(operator.get("/api/v1/jobs?job=recording-mail").body(), "pbx.recording-mail");
        assertThat(failed.path("trigger").asText()).isEqualTo("pbx.recording-mail");
        assertThat(failed.path("failureCount").asLong()).isPositive();
        assertThat(failed.path("lastFailureMessage").asText()).contains("no SMTP server is configured");
        assertThat(failed.path("lastFailureAt").isNull()).isFalse();
        assertThat(failed.path("lastInstance").asText()).isEqualTo(scheduler.getSchedulerInstanceId());
        assertThat(failed.path("nextFireTime").isNull()).isFalse();
    }

    private long failures() {
        return jdbc.sql("SELECT COALESCE(SUM(failure_count), 0) FROM job_status WHERE job_name = 'pbx.recording-mail'").query(Long.class).single();
    }

    private static JsonNode find(JsonNode jobs, String job) {
        return StreamSupport.stream(jobs.spliterator(), false).filter(j -> j.path("job").asText().equals(job)).findFirst().orElseThrow();
    }
}
