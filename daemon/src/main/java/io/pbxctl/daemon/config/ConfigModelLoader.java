package io.pbxctl.daemon.config;

import io.pbxctl.agi.contract.AsteriskNames;
import io.pbxctl.daemon.secrets.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the whole model for generation: one query per table inside one read-only transaction
 * (one InnoDB snapshot, so a change committed half-way cannot tear the files apart), grouped in
 * memory. Device secrets are opened only to derive their digest credential, which is all that
 * reaches a file.
 */
@Component
public class ConfigModelLoader {

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final String realm;

    ConfigModelLoader(JdbcClient jdbc, SecretBox box, GenerationSettings settings) {
        this.jdbc = jdbc;
        this.box = box;
        this.realm = settings.realm();
    }

    private record TenantRow(long id, String slug, String language, String country, String mainNumber) {
    }

    private record UserRow(long id, long tenantId, String name, String recordingMode, String emergencyCallerId) {
    }

    @Transactional(readOnly = true)
    public ConfigModel load() {
        List<TenantRow> tenants = jdbc.sql("SELECT id, slug, language, country, main_number FROM tenant ORDER BY slug")
                .query((rs, n) -> new TenantRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        Map<String, List<String>> countryEmergency = groupStrings(
                "SELECT country, prefix FROM plan_prefix WHERE direction = 'EMERGENCY' ORDER BY country, prefix");
        Map<String, List<String>> tenantEmergency = groupStrings(
                "SELECT tenant_id, prefix FROM tenant_prefix WHERE direction = 'EMERGENCY' ORDER BY tenant_id, prefix");
        Map<Long, List<UserRow>> users = group(jdbc.sql("""
                        SELECT u.id, u.tenant_id, u.name, u.recording_mode,
                               COALESCE(u.real_number, g.caller_id_number, t.main_number)
                        FROM pbx_user u JOIN tenant t ON t.id = u.tenant_id
                        LEFT JOIN outbound_group g ON g.tenant_id = u.tenant_id AND g.id = u.outbound_group_id
                        ORDER BY u.tenant_id, u.id""")
                .query((rs, n) -> new UserRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list(), UserRow::tenantId);
        Map<String, List<String>> extensions = groupStrings("SELECT user_id, number FROM extension ORDER BY user_id, number");
        Map<Long, List<ConfigModel.Device>> devices = new LinkedHashMap<>();
        jdbc.sql("SELECT user_id, sip_username, secret_encrypted, kind FROM device ORDER BY user_id, sip_username")
                .query(rs -> {
                    String name = rs.getString(2);
                    devices.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new ConfigModel.Device(name, rs.getString(4),
                                    md5Credential(name, open("device '" + name + "'", rs.getString(3)))));
                });
        Map<Long, List<TrunkRow>> trunks = group(jdbc.sql("""
                        SELECT tr.tenant_id, tr.name, tr.host, tr.port, tr.transport, tr.registration, tr.username,
                               tr.secret_encrypted,
                               (SELECT MIN(ogt.position) FROM outbound_group_trunk ogt WHERE ogt.trunk_id = tr.id) AS first_position
                        FROM trunk tr ORDER BY tr.tenant_id, tr.name""")
                .query((rs, n) -> new TrunkRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getBoolean(6), rs.getString(7), rs.getString(8), (Integer) rs.getObject(9)))
                .list(), TrunkRow::tenantId);
        Map<Long, List<ConfigModel.Room>> rooms = group(jdbc.sql("SELECT tenant_id, number FROM conference_room ORDER BY tenant_id, number")
                .query((rs, n) -> Map.entry(rs.getLong(1), new ConfigModel.Room(rs.getString(2))))
                .list(), Map.Entry::getKey, Map.Entry::getValue);
        Map<Long, List<ConfigModel.Did>> dids = group(jdbc.sql("""
                        SELECT d.tenant_id, d.number, d.direct_dial, d.destination_type, COALESCE(e.number, r.number)
                        FROM inbound_number d
                        LEFT JOIN extension e ON e.tenant_id = d.tenant_id AND e.id = d.destination_extension_id
                        LEFT JOIN conference_room r ON r.tenant_id = d.tenant_id AND r.id = d.destination_room_id
                        ORDER BY d.tenant_id, d.number""")
                .query((rs, n) -> Map.entry(rs.getLong(1),
                        new ConfigModel.Did(rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5))))
                .list(), Map.Entry::getKey, Map.Entry::getValue);

        List<ConfigModel.Tenant> result = new ArrayList<>(tenants.size());
        for (TenantRow t : tenants) {
            List<String> emergency = new ArrayList<>(countryEmergency.getOrDefault(t.country(), List.of()));
            tenantEmergency.getOrDefault(String.valueOf(t.id()), List.of()).stream()
                    .filter(p -> !emergency.contains(p))
                    .forEach(emergency::add);
            List<ConfigModel.User> tenantUsers = users.getOrDefault(t.id(), List.of()).stream()
                    .map(u -> new ConfigModel.User(u.id(), u.name(), u.recordingMode(), u.emergencyCallerId(),
                            extensions.getOrDefault(String.valueOf(u.id()), List.of()), devices.getOrDefault(u.id(), List.of())))
                    .toList();
            Map<TrunkRow, ConfigModel.Trunk> tenantTrunks = new LinkedHashMap<>();
            trunks.getOrDefault(t.id(), List.of()).forEach(r -> tenantTrunks.put(r, r.toTrunk(t.slug(), box)));
            List<ConfigModel.Trunk> trunkList = List.copyOf(tenantTrunks.values());
            List<ConfigModel.Trunk> emergencyTrunks = tenantTrunks.keySet().stream()
                    .sorted(TrunkRow.EMERGENCY_ORDER)
                    .map(tenantTrunks::get)
                    .toList();
            result.add(new ConfigModel.Tenant(t.slug(), t.language(), emergency, tenantUsers, trunkList, emergencyTrunks,
                    rooms.getOrDefault(t.id(), List.of()), dids.getOrDefault(t.id(), List.of())));
        }
        return new ConfigModel(result);
    }

    private record TrunkRow(long tenantId, String name, String host, int port, String transport, boolean registration,
                            String username, String secretEncrypted, Integer firstPosition) {

        /** Trunks some outbound group uses come first, in their best position; then the rest by name. */
        static final java.util.Comparator<TrunkRow> EMERGENCY_ORDER = java.util.Comparator
                .comparing((TrunkRow r) -> r.firstPosition() == null)
                .thenComparing(r -> r.firstPosition() == null ? 0 : r.firstPosition())
                .thenComparing(TrunkRow::name);

        ConfigModel.Trunk toTrunk(String slug, SecretBox box) {
            return new ConfigModel.Trunk(name, AsteriskNames.trunkEndpoint(slug, name), host, port, transport, registration,
                    username, secretEncrypted == null ? null : open(box, "trunk '" + AsteriskNames.trunkEndpoint(slug, name) + "'",
                    secretEncrypted));
        }
    }

    private String open(String object, String sealed) {
        return open(box, object, sealed);
    }

    /**
     * A secret that does not open (sealed under another master key, or written behind the API's
     * back) stops the generation with the object named, rather than a bare crypto error.
     */
    private static String open(SecretBox box, String object, String sealed) {
        try {
            return box.open(sealed);
        } catch (RuntimeException e) {
            throw new UnsafeConfigValue(object, "secret", "cannot be opened with this daemon's master key (" + e.getMessage() + ")");
        }
    }

    /** md5(username:realm:password), the form pjsip's {@code md5_cred} takes instead of the password. */
    String md5Credential(String username, String password) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5", e);
        }
    }

    private Map<String, List<String>> groupStrings(String sql) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        jdbc.sql(sql).query(rs -> {
            grouped.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        return grouped;
    }

    private static <T> Map<Long, List<T>> group(List<T> rows, Function<T, Long> key) {
        return group(rows, key, Function.identity());
    }

    private static <R, T> Map<Long, List<T>> group(List<R> rows, Function<R, Long> key, Function<R, T> value) {
        Map<Long, List<T>> grouped = new LinkedHashMap<>();
        for (R row : rows) {
            grouped.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(value.apply(row));
        }
        return grouped;
    }
}
