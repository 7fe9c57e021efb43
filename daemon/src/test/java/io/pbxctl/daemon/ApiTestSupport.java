package io.pbxctl.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.security.OperatorAccounts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the tests that need the running daemon: one shared application context on a real
 * MariaDB, an operator login, and helpers that create a fresh tenant per test so that tests
 * never depend on each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTestSupport {

    protected static final String OPERATOR = "test-operator";
    protected static final String PASSWORD = "Test-Password-2026";

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    private OperatorAccounts operators;

    protected Api operator;

    @BeforeEach
    protected void operatorLogin() {
        if (jdbc.sql("SELECT COUNT(*) FROM web_login WHERE username = ?").param(OPERATOR).query(Long.class).single() == 0) {
            asCli(() -> operators.create(OPERATOR, PASSWORD));
        }
        operator = as(OPERATOR, PASSWORD);
    }

    protected Api as(String username, String password) {
        return new Api(port, username, password);
    }

    protected Api anonymous() {
        return new Api(port, null, null);
    }

    /** A tenant with a unique slug and an admin login, as an operator would set it up. */
    protected TenantFixture newTenant(String country) {
        String slug = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> tenant = new LinkedHashMap<>();
        tenant.put("slug", slug);
        tenant.put("name", "Tenant " + slug);
        tenant.put("country", country);
        tenant.put("areaCode", country.equals("VN") ? "024" : "22");
        Api.Response created = operator.post("/api/v1/tenants", tenant);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long tenantId = created.id();
        long adminUserId = operator.post("/api/v1/tenants/" + tenantId + "/users", Map.of("name", "Admin of " + slug)).id();
        String adminLogin = slug + "-admin";
        Api.Response login = operator.put("/api/v1/tenants/" + tenantId + "/users/" + adminUserId + "/login",
                Map.of("username", adminLogin, "password", PASSWORD, "role", "TENANT_ADMIN"));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return new TenantFixture(tenantId, slug, adminUserId, as(adminLogin, PASSWORD));
    }

    /** Inbound numbers are assigned to tenants by the operator; returns the new number's id. */
    protected long assignInboundNumber(TenantFixture tenant, Object body) {
        Api.Response response = operator.post(tenant.path("inbound-numbers"), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.id();
    }

    protected TenantFixture newTenant() {
        return newTenant("VN");
    }

    /** A tenant created for one test: its id, slug, the admin's user id and an API client logged in as that admin. */
    public record TenantFixture(long id, String slug, long adminUserId, Api admin) {

        public String path(String resource) {
            return "/api/v1/tenants/" + id + "/" + resource;
        }

        /** Creates an object through the admin and returns its id, failing the test when refused. */
        public long create(String resource, Object body) {
            Api.Response response = admin.post(path(resource), body);
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            return response.id();
        }
    }

    private static void asCli(Runnable action) {
        var cli = new io.pbxctl.daemon.security.Caller("test-setup", "", io.pbxctl.daemon.security.Role.OPERATOR, null, null);
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        context.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(cli, null,
                cli.getAuthorities()));
        try {
            action.run();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }
}
