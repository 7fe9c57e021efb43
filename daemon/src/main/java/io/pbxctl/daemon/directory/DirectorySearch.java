package io.pbxctl.daemon.directory;

import io.pbxctl.daemon.crud.Filters;
import io.pbxctl.daemon.system.PageResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Directory queries: one page of users with their department, extensions and devices in one round trip. */
@Service
class DirectorySearch {

    /** The optional search terms; all given terms must match. */
    record Criteria(String department, String name, String extension, String number, String any) {
    }

    private static final String FROM = """
             FROM pbx_user u LEFT JOIN department d ON d.id = u.department_id
            WHERE u.tenant_id = :tenant""";
    private static final String HAS_EXTENSION = "EXISTS (SELECT 1 FROM extension e WHERE e.user_id = u.id AND e.number LIKE :%s ESCAPE '\\\\')";

    private final JdbcClient jdbc;

    DirectorySearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    PageResponse<DirectoryEntry> search(long tenantId, Criteria criteria, int page, int size) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new TreeMap<>();
        params.put("tenant", tenantId);
        if (criteria.department() != null) {
            where.append(" AND d.name LIKE :department ESCAPE '\\\\'");
            params.put("department", contains(criteria.department()));
        }
        if (criteria.name() != null) {
            where.append(" AND u.name LIKE :name ESCAPE '\\\\'");
            params.put("name", contains(criteria.name()));
        }
        if (criteria.extension() != null) {
            where.append(" AND ").append(HAS_EXTENSION.formatted("extension"));
            params.put("extension", Filters.escapeLike(criteria.extension()) + "%");
        }
        if (criteria.number() != null) {
            where.append(" AND u.real_number LIKE :number ESCAPE '\\\\'");
            params.put("number", contains(criteria.number()));
        }
        if (criteria.any() != null) {
            where.append(" AND (u.name LIKE :any ESCAPE '\\\\' OR d.name LIKE :any ESCAPE '\\\\' OR u.real_number LIKE :any ESCAPE '\\\\' OR ")
                    .append(HAS_EXTENSION.formatted("anyExtension")).append(")");
            params.put("any", contains(criteria.any()));
            params.put("anyExtension", Filters.escapeLike(criteria.any()) + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*)" + FROM + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<DirectoryEntry> entries = jdbc.sql("""
                SELECT u.id, u.name, d.name AS department, u.email, u.real_number,
                       (SELECT GROUP_CONCAT(e.number ORDER BY e.number) FROM extension e WHERE e.user_id = u.id) AS extensions,
                       (SELECT GROUP_CONCAT(CONCAT(v.sip_username, ' ', v.kind) ORDER BY v.sip_username) FROM device v WHERE v.user_id = u.id) AS devices
                """ + FROM + where + " ORDER BY u.name, u.id LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, row) -> new DirectoryEntry(rs.getLong("id"), rs.getString("name"), rs.getString("department"),
                        rs.getString("email"), rs.getString("real_number"), split(rs.getString("extensions")), devices(rs.getString("devices"))))
                .list();
        int pages = (int) ((total + size - 1) / size);
        return new PageResponse<>(entries, page, size, total, pages);
    }

    private static List<String> split(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split(","));
    }

    private static List<DirectoryEntry.DeviceEntry> devices(String joined) {
        List<DirectoryEntry.DeviceEntry> devices = new ArrayList<>();
        for (String device : split(joined)) {
            String[] parts = device.split(" ", 2);
            devices.add(new DirectoryEntry.DeviceEntry(parts[0], parts[1]));
        }
        return devices;
    }

    private static String contains(String term) {
        return "%" + Filters.escapeLike(term) + "%";
    }
}
