package io.pbxctl.daemon.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.ApiTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each tenant keeps its recordings for its own retention period (validated by the tenant API);
 * older ones lose file and row, with one audit entry per recording.
 */
class RecordingRetentionTests extends ApiTestSupport {

    private static final AtomicLong CALLS = new AtomicLong();

    @Autowired
    private RecordingRetention retention;
    @Autowired
    private RecordingProperties properties;

    @Test
    void recordingsOlderThanTheTenantsRetentionAreDeletedEachWithAnAuditEntry() throws Exception {
        TenantFixture shortLived = newTenant("VN");
        assertThat(tenantUpdate(shortLived, 2).status()).isEqualTo(200);
        TenantFixture defaults = newTenant("PL");
        assertThat(operator.get("/api/v1/tenants/" + defaults.id()).body().path("recordingRetentionDays").asInt()).isEqualTo(90);

        long expired = insert(shortLived, LocalDateTime.now(ZoneOffset.UTC).minusDays(3));
        long kept = insert(shortLived, LocalDateTime.now(ZoneOffset.UTC).minusDays(1));
        long olderButLongerRetention = insert(defaults, LocalDateTime.now(ZoneOffset.UTC).minusDays(30));
        Path expiredFile = file(expired);

        retention.deleteExpired();

        assertThat(expiredFile).doesNotExist();
        assertThat(exists(expired)).isFalse();
        assertThat(exists(kept)).isTrue();
        assertThat(file(kept)).exists();
        assertThat(exists(olderButLongerRetention)).isTrue();
        var audit = shortLived.admin().get(shortLived.path("audit") + "?entityType=recording&entityId=" + expired);
        assertThat(audit.body().path("items")).hasSize(1);
        assertThat(audit.body().path("items").get(0).path("action").asText()).isEqualTo("DELETE");
        assertThat(audit.body().path("items").get(0).path("after").path("retentionDays").asInt()).isEqualTo(2);
        assertThat(audit.body().path("items").get(0).path("after").path("reason").asText()).isEqualTo("retention");

        retention.deleteExpired();
        assertThat(shortLived.admin().get(shortLived.path("audit") + "?entityType=recording").body().path("items")).hasSize(1);
    }

    @Test
    void theRetentionPeriodIsValidated() {
        TenantFixture tenant = newTenant("VN");
        for (int days : new int[] {0, 3651}) {
            var refused = tenantUpdate(tenant, days);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.errorFields()).containsExactly("recordingRetentionDays");
        }
    }

    private io.pbxctl.daemon.Api.Response tenantUpdate(TenantFixture tenant, int days) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", tenant.slug());
        body.put("name", "Tenant " + tenant.slug());
        body.put("country", "VN");
        body.put("areaCode", "024");
        body.put("recordingRetentionDays", days);
        return tenant.admin().put("/api/v1/tenants/" + tenant.id(), body);
    }

    private long insert(TenantFixture tenant, LocalDateTime finished) throws Exception {
        String relative = "pbx/" + tenant.slug() + "/2026/01/01/1700000000." + CALLS.incrementAndGet()
                + "~u" + tenant.adminUserId() + ".wav";
        Path file = properties.directory().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[100]);
        jdbc.sql("""
                        INSERT INTO recording (tenant_id, user_id, call_id, owner_kind, file_path, size_bytes, duration_seconds, started_at,
                          finished_at, registered_at, mail_state) VALUES (?, ?, '1700000000.1', 'CALLEE', ?, 100, 1, ?, ?, ?, 'SENT')""")
                .params(tenant.id(), tenant.adminUserId(), relative, finished, finished, finished).update();
        return jdbc.sql("SELECT id FROM recording WHERE file_path = ?").param(relative).query(Long.class).single();
    }

    private Path file(long id) {
        return properties.directory().resolve(jdbc.sql("SELECT file_path FROM recording WHERE id = ?").param(id).query(String.class).single());
    }

    private boolean exists(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM recording WHERE id = ?").param(id).query(Long.class).single() > 0;
    }
}
