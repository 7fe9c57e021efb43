package io.pbxctl.daemon.bench;

import io.pbxctl.daemon.secrets.SecretBox;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The config-generation benchmark's PBX, inserted with SQL batches because the REST API would
 * take hours for 100,000 users. Tenants of {@link #USERS_PER_TENANT} users, each user with one
 * 4-digit extension and two devices (a desk phone and a softphone; every fifth user a browser
 * instead of the softphone); per tenant an IP-identified and a registering trunk in one outbound
 * group, two conference rooms (one with a PIN) and two DIDs (to an extension, to a room).
 * Device and trunk secrets are sealed with the daemon's own {@link SecretBox}, since the loader
 * opens them.
 */
final class GenerationModel {

    static final int USERS_PER_TENANT = 100;
    static final int FIRST_EXTENSION = 2000;
    /** Trunks point at a silent local port: the reload benchmark's Asterisk resolves no carrier name. */
    private static final String CARRIER_HOST = "127.0.0.1";
    private static final int CARRIER_PORT = 5099;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SecretBox box;
    private final Timestamp now = Timestamp.from(Instant.now());

    GenerationModel(JdbcTemplate jdbc, TransactionTemplate transactions, SecretBox box) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.box = box;
    }

    static String slug(int tenant) {
        return String.format("bench-t%04d", tenant);
    }

    /** The first tenant's id, for the reload benchmark's API changes. */
    long firstTenantId() {
        return jdbc.queryForObject("SELECT id FROM tenant WHERE slug = ?", Long.class, slug(1));
    }

    /** The first tenant's first user, who gets the extensions the reload benchmark adds. */
    long firstUserId() {
        return jdbc.queryForObject("SELECT MIN(u.id) FROM pbx_user u JOIN tenant t ON t.id = u.tenant_id WHERE t.slug = ?", Long.class,
                slug(1));
    }

    int userCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM pbx_user", Integer.class);
    }

    void seed(int users) {
        int tenants = (users + USERS_PER_TENANT - 1) / USERS_PER_TENANT;
        long tenantId = nextId("tenant");
        long userId = nextId("pbx_user");
        long trunkId = nextId("trunk");
        long groupId = nextId("outbound_group");
        long extensionId = nextId("extension");
        long deviceId = nextId("device");
        long roomId = nextId("conference_room");
        long didId = nextId("inbound_number");
        int left = users;
        // Ten tenants (1,000 users, 2,000 sealed secrets) per transaction: big enough batches,
        // small enough undo.
        for (int first = 1; first <= tenants; first += 10) {
            int last = Math.min(tenants, first + 9);
            Batch batch = new Batch();
            for (int t = first; t <= last; t++, tenantId++, trunkId += 2, groupId++, roomId += 2, didId += 2) {
                int count = Math.min(USERS_PER_TENANT, left);
                left -= count;
                String slug = slug(t);
                batch.tenants.add(new Object[] {tenantId, slug, "Benchmark " + t, "842400" + String.format("%06d", t), now, now});
                batch.trunks.add(new Object[] {trunkId, tenantId, "carrier", CARRIER_HOST, CARRIER_PORT, "UDP", false, null, null, now, now});
                batch.trunks.add(new Object[] {trunkId + 1, tenantId, "registrar", CARRIER_HOST, CARRIER_PORT, "UDP", true, slug + "-line",
                        box.seal(secret()), now, now});
                batch.groups.add(new Object[] {groupId, tenantId, "Default", "02412345678", now, now});
                batch.groupTrunks.add(new Object[] {tenantId, groupId, 1, trunkId + 1});
                batch.groupTrunks.add(new Object[] {tenantId, groupId, 2, trunkId});
                long firstExtension = extensionId;
                for (int u = 1; u <= count; u++, userId++, extensionId++, deviceId += 2) {
                    batch.users.add(new Object[] {userId, tenantId, String.format("Người dùng %04d", u), u % 2 == 1 ? 1000 : null,
                            u % 3 == 0, u % 4 == 0 ? "ALL" : "OFF", groupId, now, now});
                    batch.extensions.add(new Object[] {extensionId, tenantId, userId, Integer.toString(FIRST_EXTENSION + u - 1), now, now});
                    String device = slug.substring("bench-".length()) + "-u" + String.format("%03d", u);
                    batch.devices.add(new Object[] {deviceId, tenantId, userId, device + "-desk", box.seal(secret()), "DESK_PHONE", now, now});
                    batch.devices.add(new Object[] {deviceId + 1, tenantId, userId, device + (u % 5 == 0 ? "-web" : "-soft"),
                            box.seal(secret()), u % 5 == 0 ? "WEBRTC" : "SOFTPHONE", now, now});
                }
                batch.rooms.add(new Object[] {roomId, tenantId, "7000", "2468", now, now});
                batch.rooms.add(new Object[] {roomId + 1, tenantId, "7001", null, now, now});
                String did = "8424" + String.format("%08d", t);
                batch.dids.add(new Object[] {didId, tenantId, did + "00", true, "EXTENSION", firstExtension, null, now, now});
                batch.dids.add(new Object[] {didId + 1, tenantId, did + "01", false, "CONFERENCE", null, roomId, now, now});
            }
            transactions.executeWithoutResult(status -> batch.insert(jdbc));
        }
    }

    private long nextId(String table) {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table, Long.class);
    }

    private static String secret() {
        StringBuilder secret = new StringBuilder(20);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 20; i++) {
            secret.append((char) ('a' + random.nextInt(26)));
        }
        return secret.toString();
    }

    /** Rows of a few tenants, inserted table by table in foreign-key order. */
    private static final class Batch {

        final List<Object[]> tenants = new ArrayList<>();
        final List<Object[]> trunks = new ArrayList<>();
        final List<Object[]> groups = new ArrayList<>();
        final List<Object[]> groupTrunks = new ArrayList<>();
        final List<Object[]> users = new ArrayList<>();
        final List<Object[]> extensions = new ArrayList<>();
        final List<Object[]> devices = new ArrayList<>();
        final List<Object[]> rooms = new ArrayList<>();
        final List<Object[]> dids = new ArrayList<>();

        void insert(JdbcTemplate jdbc) {
            jdbc.batchUpdate("""
                    INSERT INTO tenant (id, slug, name, main_number, country, area_code, time_zone, language, account_code_mode,
                                        extension_length, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 'VN', '24', 'Asia/Ho_Chi_Minh', 'vi', 'OFF', 4, ?, ?)""", tenants);
            jdbc.batchUpdate("""
                    INSERT INTO trunk (id, tenant_id, name, host, port, transport, registration, username, secret_encrypted,
                                       created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", trunks);
            jdbc.batchUpdate("""
                    INSERT INTO outbound_group (id, tenant_id, name, caller_id_number, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", groups);
            jdbc.batchUpdate("INSERT INTO outbound_group_trunk (tenant_id, outbound_group_id, position, trunk_id) VALUES (?, ?, ?, ?)",
                    groupTrunks);
            jdbc.batchUpdate("""
                    INSERT INTO pbx_user (id, tenant_id, name, language, call_class, outbound_enabled, needs_account_code,
                                          monthly_quota_minutes, auto_answer, call_waiting, recording_mode, outbound_group_id,
                                          created_at, updated_at)
                    VALUES (?, ?, ?, 'vi', 'NATIONAL', TRUE, FALSE, ?, ?, TRUE, ?, ?, ?, ?)""", users);
            jdbc.batchUpdate("INSERT INTO extension (id, tenant_id, user_id, number, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    extensions);
            jdbc.batchUpdate("""
                    INSERT INTO device (id, tenant_id, user_id, sip_username, secret_encrypted, kind, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", devices);
            jdbc.batchUpdate("INSERT INTO conference_room (id, tenant_id, number, pin, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    rooms);
            jdbc.batchUpdate("""
                    INSERT INTO inbound_number (id, tenant_id, number, direct_dial, destination_type, destination_extension_id,
                                                destination_room_id, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", dids);
        }
    }
}
