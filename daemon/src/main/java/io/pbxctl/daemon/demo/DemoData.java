package io.pbxctl.daemon.demo;

import io.pbxctl.daemon.audit.ModelChanged;
import io.pbxctl.daemon.secrets.CodeHasher;
import io.pbxctl.daemon.secrets.SecretBox;
import io.pbxctl.daemon.secrets.SecretPolicy;
import io.pbxctl.daemon.system.PbxProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * With pbx.demo=true, loads a Vietnamese demo tenant once (departments, users with extensions and
 * devices, an account code, a conference room, a trunk, an inbound number) and, on an install
 * without operators, an operator login. Generated credentials go to the log and to
 * demo-credentials.txt in the data directory, readable by the owner only.
 */
@Component
@ConditionalOnProperty(name = "pbx.demo", havingValue = "true")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String SLUG = "demo";

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final CodeHasher hasher;
    private final PasswordEncoder encoder;
    private final Path dataDir;
    private final ApplicationEventPublisher events;

    DemoData(JdbcClient jdbc, SecretBox box, CodeHasher hasher, PasswordEncoder encoder, PbxProperties properties,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.box = box;
        this.hasher = hasher;
        this.encoder = encoder;
        this.dataDir = properties.dataDir();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM tenant WHERE slug = ?").param(SLUG).query(Long.class).single() > 0) {
            log.info("Demo tenant already present; see {} for its logins", dataDir.resolve("demo-credentials.txt"));
            return;
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        if (jdbc.sql("SELECT COUNT(*) FROM web_login WHERE role = 'OPERATOR'").query(Long.class).single() == 0) {
            credentials.put("operator login 'operator' password", login("operator", "OPERATOR", null, null));
        }
        long tenant = insert("INSERT INTO tenant (slug, name, main_number, country, area_code, time_zone, language, account_code_mode,"
                + " extension_length, created_at, updated_at) VALUES (?, ?, ?, 'VN', '024', 'Asia/Ho_Chi_Minh', 'vi', 'RESTRICTED', 3, ?, ?)",
                SLUG, "Công ty Demo", "842471000000", now(), now());
        long sales = department(tenant, "Kinh doanh");
        long engineering = department(tenant, "Kỹ thuật");
        long accounting = department(tenant, "Kế toán");
        long trunk = insert("INSERT INTO trunk (tenant_id, name, host, port, transport, registration, created_at, updated_at)"
                + " VALUES (?, 'demo-carrier', '127.0.0.1', 5080, 'UDP', FALSE, ?, ?)", tenant, now(), now());
        long group = insert("INSERT INTO outbound_group (tenant_id, name, caller_id_number, caller_id_name, created_at, updated_at)"
                + " VALUES (?, 'Mặc định', '842471000000', 'Cong ty Demo', ?, ?)", tenant, now(), now());
        jdbc.sql("INSERT INTO outbound_group_trunk (tenant_id, outbound_group_id, position, trunk_id) VALUES (?, ?, 0, ?)")
                .params(tenant, group, trunk).update();

        long an = user(tenant, sales, "Nguyễn Văn An", "an@demo.example", "NATIONAL", null, false, group, null);
        long binh = user(tenant, sales, "Trần Thị Bình", "binh@demo.example", "NATIONAL", 300, false, group, an);
        long cuong = user(tenant, engineering, "Lê Văn Cường", "cuong@demo.example", "INTERNATIONAL", null, false, group, null);
        long dung = user(tenant, accounting, "Phạm Thị Dung", "dung@demo.example", "LOCAL", 60, true, group, null);
        jdbc.sql("INSERT INTO user_closed_direction (user_id, direction) VALUES (?, 'SPECIAL')").param(binh).update();

        long anExtension = extension(tenant, an, "101");
        extension(tenant, binh, "102");
        extension(tenant, cuong, "103");
        extension(tenant, dung, "104");
        device(tenant, an, "demo-101-desk", "DESK_PHONE");
        device(tenant, an, "demo-101-soft", "SOFTPHONE");
        device(tenant, binh, "demo-102-desk", "DESK_PHONE");
        device(tenant, cuong, "demo-103-web", "WEBRTC");
        device(tenant, dung, "demo-104-desk", "DESK_PHONE");

        String code = SecretPolicy.generateDigits(8);
        insert("INSERT INTO account_code (tenant_id, user_id, code_hash, label, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                tenant, an, hasher.hash(code), "Nguyễn Văn An", now(), now());
        credentials.put("account code of Nguyễn Văn An", code);
        String pin = SecretPolicy.generateDigits(6);
        insert("INSERT INTO conference_room (tenant_id, number, host_user_id, description, pin, created_at, updated_at)"
                + " VALUES (?, '8000', ?, 'Phòng họp chung', ?, ?, ?)", tenant, an, pin, now(), now());
        credentials.put("conference room 8000 PIN", pin);
        insert("INSERT INTO inbound_number (tenant_id, number, description, direct_dial, destination_type, destination_extension_id,"
                + " created_at, updated_at) VALUES (?, '842471000000', 'Số chính', TRUE, 'EXTENSION', ?, ?, ?)", tenant, anExtension, now(), now());

        credentials.put("tenant admin login 'demo-admin' (Nguyễn Văn An) password", login("demo-admin", "TENANT_ADMIN", tenant, an));
        credentials.put("billing viewer login 'demo-billing' (Phạm Thị Dung) password", login("demo-billing", "BILLING_VIEWER", tenant, dung));
        jdbc.sql("INSERT INTO audit_entry (at, actor, tenant_id, action, entity_type, entity_id) VALUES (?, 'demo', ?, 'CREATE', 'demo data', ?)")
                .params(now(), tenant, tenant).update();
        // Written with SQL rather than through the audited services, so announce it like they do:
        // the generated Asterisk files then include the demo tenant.
        events.publishEvent(new ModelChanged(tenant, "demo data"));
        writeCredentials(credentials);
    }

    private long department(long tenant, String name) {
        return insert("INSERT INTO department (tenant_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)", tenant, name, now(), now());
    }

    private long user(long tenant, long department, String name, String email, String callClass, Integer quota, boolean needsCode,
            long group, Long supervisor) {
        return insert("INSERT INTO pbx_user (tenant_id, department_id, name, email, language, call_class, outbound_enabled,"
                + " needs_account_code, monthly_quota_minutes, auto_answer, call_waiting, recording_mode, supervisor_id, outbound_group_id,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, 'vi', ?, TRUE, ?, ?, FALSE, TRUE, 'OFF', ?, ?, ?, ?)",
                tenant, department, name, email, callClass, needsCode, quota, supervisor, group, now(), now());
    }

    private long extension(long tenant, long user, String number) {
        return insert("INSERT INTO extension (tenant_id, user_id, number, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                tenant, user, number, now(), now());
    }

    private void device(long tenant, long user, String username, String kind) {
        insert("INSERT INTO device (tenant_id, user_id, sip_username, secret_encrypted, kind, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", tenant, user, username, box.seal(SecretPolicy.generate()), kind, now(), now());
    }

    private String login(String username, String role, Long tenant, Long user) {
        String password = SecretPolicy.generate();
        insert("INSERT INTO web_login (username, password_hash, role, tenant_id, user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                username, encoder.encode(password), role, tenant, user, now(), now());
        return password;
    }

    private long insert(String sql, Object... params) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys);
        return keys.getKey().longValue();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private void writeCredentials(Map<String, String> credentials) {
        StringBuilder text = new StringBuilder("# Demo logins and codes, generated on first start. API: HTTP Basic on /api/v1\n");
        credentials.forEach((what, value) -> text.append(what).append(": ").append(value).append('\n'));
        Path file = dataDir.resolve("demo-credentials.txt");
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        log.warn("Demo data loaded; its logins and codes are in {} (readable by this user only)", file);
    }
}
