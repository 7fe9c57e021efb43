package io.pbxctl.daemon.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pbxctl.daemon.ApiTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly quota reset: one trigger per tenant in its time zone, kept in step with the
 * tenant; an opening happens once per tenant and month, audited; and a firing missed while no
 * daemon ran is caught up.
 */
class QuotaResetTests extends ApiTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private Scheduler scheduler;
    @Autowired
    private QuotaReset reset;

    @Test
    void aTenantGetsAMonthlyTriggerInItsTimeZoneThatFollowsItsChangesAndGoesWithIt() throws Exception {
        TenantFixture tenant = newTenant("VN");
        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(QuotaResetSchedule.triggerOf(tenant.id()));
        assertThat(trigger.getCronExpression()).isEqualTo("0 0 0 1 * ?");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        ZonedDateTime nextFirst = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate().withDayOfMonth(1).plusMonths(1)
                .atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(trigger.getNextFireTime().toInstant()).isEqualTo(nextFirst.toInstant());

        Map<String, Object> moved = Map.of("slug", tenant.slug(), "name", "Moved", "country", "VN", "areaCode", "024",
                "timeZone", "America/New_York");
        assertThat(tenant.admin().put("/api/v1/tenants/" + tenant.id(), moved).status()).isEqualTo(200);
        CronTrigger movedTrigger = (CronTrigger) scheduler.getTrigger(QuotaResetSchedule.triggerOf(tenant.id()));
        assertThat(movedTrigger.getTimeZone().getID()).isEqualTo("America/New_York");
        assertThat(movedTrigger.getNextFireTime().toInstant())
                .isEqualTo(nextFirst.toLocalDate().atStartOfDay(ZoneId.of("America/New_York")).toInstant());

        jdbc.sql("DELETE FROM pbx_user WHERE tenant_id = ?").param(tenant.id()).update();
        assertThat(operator.delete("/api/v1/tenants/" + tenant.id()).status()).isEqualTo(204);
        assertThat(scheduler.getTrigger(QuotaResetSchedule.triggerOf(tenant.id()))).isNull();
    }

    @Test
    void aPeriodOpensOnceWithZeroUsageForQuotaUsersAndOneAuditEntryClosingThePreviousMonth() {
        TenantFixture tenant = newTenant("PL");
        long limited = tenant.create("users", Map.of("name", "Limited", "monthlyQuotaMinutes", 30));
        tenant.create("users", Map.of("name", "Unlimited"));
        Instant now = Instant.parse("2026-12-01T00:00:03Z");
        jdbc.sql("INSERT INTO minute_usage (user_id, period_start, used_seconds) VALUES (?, '2026-11-01', 1500)").param(limited).update();

        var opened = reset.open(tenant.id(), now);
        assertThat(opened).isPresent();
        assertThat(opened.get().periodStart()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(opened.get().usersWithQuota()).isEqualTo(1);
        assertThat(opened.get().previousPeriodUsedSeconds()).isEqualTo(1500);
        assertThat(reset.open(tenant.id(), now.plusSeconds(60))).isEmpty();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM quota_period WHERE tenant_id = ?").param(tenant.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT used_seconds FROM minute_usage WHERE user_id = ? AND period_start = '2026-12-01'").param(limited)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM minute_usage m JOIN pbx_user u ON u.id = m.user_id WHERE u.tenant_id = ? "
                + "AND m.period_start = '2026-12-01'").param(tenant.id()).query(Long.class).single()).isEqualTo(1);
        var audit = operator.get("/api/v1/tenants/" + tenant.id() + "/audit?action=QUOTA_RESET");
        assertThat(audit.body().path("items")).as(audit.toString()).hasSize(1);
        assertThat(audit.body().path("items").get(0).path("after").path("periodStart").asText()).isEqualTo("2026-12-01");
        assertThat(audit.body().path("items").get(0).path("actor").asText()).isEqualTo("system");
    }

    @Test
    void aFiringMissedWhileNoDaemonRanIsCaughtUpOnceAndTheTriggerMovesToTheNextFirst() throws Exception {
        TenantFixture tenant = newTenant("VN");
        ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
        LocalDate thisMonth = LocalDate.now(zone).withDayOfMonth(1);
        // What the store holds when every daemon was down at 00:00 on the 1st: the firing is still due.
        long missed = thisMonth.atStartOfDay(zone).toInstant().toEpochMilli();
        assertThat(jdbc.sql("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE TRIGGER_NAME = ? AND TRIGGER_GROUP = ?")
                .params(missed, "tenant-" + tenant.id(), QuotaResetSchedule.TRIGGER_GROUP).update()).isEqualTo(1);

        await().atMost(WAIT).until(() -> jdbc.sql("SELECT COUNT(*) FROM quota_period WHERE tenant_id = ? AND period_start = ?")
                .params(tenant.id(), thisMonth).query(Long.class).single() == 1);
        await().atMost(WAIT).until(() -> fireCount(tenant.id()) == 1);
        assertThat(scheduler.getTrigger(QuotaResetSchedule.triggerOf(tenant.id())).getNextFireTime().toInstant())
                .isEqualTo(thisMonth.plusMonths(1).atStartOfDay(zone).toInstant());

        var jobs = operator.get("/api/v1/jobs?job=quota-reset");
        assertThat(jobs.status()).isEqualTo(200);
        var row = java.util.stream.StreamSupport.stream(jobs.body().spliterator(), false)
                .filter(j -> j.path("trigger").asText().equals("quota-reset.tenant-" + tenant.id())).findFirst().orElseThrow();
        assertThat(row.path("fireCount").asLong()).isEqualTo(1);
        assertThat(row.path("failureCount").asLong()).isZero();
        assertThat(row.path("schedule").asText()).isEqualTo("0 0 0 1 * ? Asia/Ho_Chi_Minh");
        assertThat(Instant.parse(row.path("nextFireTime").asText())).isEqualTo(thisMonth.plusMonths(1).atStartOfDay(zone).toInstant());
        assertThat(row.path("previousFireTime").isNull()).isFalse();
    }

    private long fireCount(long tenantId) {
        return jdbc.sql("SELECT COALESCE(SUM(fire_count), 0) FROM job_status WHERE trigger_name = ?").param("quota-reset.tenant-" + tenantId)
                .query(Long.class).single();
    }
}
