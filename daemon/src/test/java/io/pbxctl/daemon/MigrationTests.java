package io.pbxctl.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pbxctl.daemon.secrets.SecretBox;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The schema's own guarantees, checked with plain SQL that bypasses the API: uniqueness,
 * composite same-tenant foreign keys and CHECK constraints must refuse bad rows by themselves.
 * Every row uses unique values, so the tests need no clean-up and do not disturb each other.
 */
class MigrationTests extends ApiTestSupport {

    @Autowired
    private SecretBox box;

    @Test
    void validRowsAreAccepted() {
        long tenant = insertTenant(uniqueSlug());
        long user = insertUser(tenant);
        long extension = insertExtension(tenant, user, "100");
        insertDevice(tenant, user, uniqueSipUsername(), "DESK_PHONE");
        insertInboundNumber(tenant, uniqueDid(), "EXTENSION", extension);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM extension WHERE tenant_id = ?").param(tenant).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM device WHERE tenant_id = ?").param(tenant).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_number WHERE tenant_id = ?").param(tenant).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void duplicateExtensionNumberInATenantIsRefused() {
        long tenant = insertTenant(uniqueSlug());
        long user = insertUser(tenant);
        insertExtension(tenant, user, "100");
        assertThatThrownBy(() -> insertExtension(tenant, user, "100")).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("uq_extension_tenant_number");
    }

    @Test
    void sameExtensionNumberInTwoTenantsIsAccepted() {
        long first = insertTenant(uniqueSlug());
        long second = insertTenant(uniqueSlug());
        insertExtension(first, insertUser(first), "100");
        insertExtension(second, insertUser(second), "100");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM extension WHERE number = '100' AND tenant_id IN (?, ?)").params(first, second)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void sameSipUsernameInTwoTenantsIsRefused() {
        long first = insertTenant(uniqueSlug());
        long second = insertTenant(uniqueSlug());
        String sipUsername = uniqueSipUsername();
        insertDevice(first, insertUser(first), sipUsername, "SOFTPHONE");
        long otherUser = insertUser(second);
        assertThatThrownBy(() -> insertDevice(second, otherUser, sipUsername, "SOFTPHONE")).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("uq_device_sip_username");
    }

    @Test
    void extensionOfAUserOfAnotherTenantIsRefused() {
        long first = insertTenant(uniqueSlug());
        long second = insertTenant(uniqueSlug());
        long userOfSecond = insertUser(second);
        assertThatThrownBy(() -> insertExtension(first, userOfSecond, "100")).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("fk_extension_user");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad\nslug%s", "badslug%s\n", "\nbadslug%s", "BadSlug%s", "ACME%s", "acme-HN%s"})
    void tenantSlugWithALineBreakOrUpperCaseIsRefused(String pattern) {
        String slug = pattern.formatted(uniqueSuffix(4));
        try {
            assertThatThrownBy(() -> insertTenant(slug)).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("ck_tenant_slug");
        } finally {
            // a row the CHECK wrongly let through must not reach other tests
            jdbc.sql("DELETE FROM tenant WHERE slug = ?").param(slug).update();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FAX", "PAGER", "", "desk_phone", "DESK_PHONE\n"})
    void deviceKindOutsideTheListIsRefused(String kind) {
        long tenant = insertTenant(uniqueSlug());
        long user = insertUser(tenant);
        String sipUsername = uniqueSipUsername();
        try {
            assertThatThrownBy(() -> insertDevice(tenant, user, sipUsername, kind)).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("ck_device_kind");
        } finally {
            // a row the CHECK wrongly let through must not reach other tests
            jdbc.sql("DELETE FROM device WHERE sip_username = ?").param(sipUsername).update();
        }
    }

    @Test
    void inboundNumberToAnExtensionWithoutAnExtensionIsRefused() {
        long tenant = insertTenant(uniqueSlug());
        String did = uniqueDid();
        assertThatThrownBy(() -> insertInboundNumber(tenant, did, "EXTENSION", null)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("ck_inbound_number_destination");
    }

    // ----- minimal rows -----

    private long insertTenant(String slug) {
        return insert("""
                INSERT INTO tenant (slug, name, country, area_code, time_zone, language, account_code_mode, extension_length,
                                    created_at, updated_at)
                VALUES (?, 'Migration test', 'VN', '024', 'Asia/Ho_Chi_Minh', 'vi', 'OFF', 3, NOW(3), NOW(3))""", slug);
    }

    private long insertUser(long tenantId) {
        return insert("""
                INSERT INTO pbx_user (tenant_id, name, language, call_class, outbound_enabled, needs_account_code, auto_answer,
                                      call_waiting, recording_mode, created_at, updated_at)
                VALUES (?, 'Hồng Nhung', 'vi', 'NATIONAL', TRUE, FALSE, FALSE, TRUE, 'OFF', NOW(3), NOW(3))""", tenantId);
    }

    private long insertExtension(long tenantId, long userId, String number) {
        return insert("INSERT INTO extension (tenant_id, user_id, number, created_at, updated_at) VALUES (?, ?, ?, NOW(3), NOW(3))",
                tenantId, userId, number);
    }

    /** With a really sealed secret: the rows stay in the shared database, where config generation opens them. */
    private long insertDevice(long tenantId, long userId, String sipUsername, String kind) {
        return insert("""
                INSERT INTO device (tenant_id, user_id, sip_username, secret_encrypted, kind, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, NOW(3), NOW(3))""", tenantId, userId, sipUsername, box.seal("Migration-Secret-2026"), kind);
    }

    private long insertInboundNumber(long tenantId, String number, String destinationType, Long extensionId) {
        return insert("""
                INSERT INTO inbound_number (tenant_id, number, direct_dial, destination_type, destination_extension_id,
                                            destination_room_id, created_at, updated_at)
                VALUES (?, ?, TRUE, ?, ?, NULL, NOW(3), NOW(3))""", tenantId, number, destinationType, extensionId);
    }

    private long insert(String sql, Object... params) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys);
        return keys.getKey().longValue();
    }

    private static String uniqueSuffix(int length) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, length);
    }

    private static String uniqueSlug() {
        return "m" + uniqueSuffix(12);
    }

    private static String uniqueSipUsername() {
        return "sip-" + uniqueSuffix(16);
    }

    private static String uniqueDid() {
        return "99" + String.format("%012d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000_000L));
    }
}
