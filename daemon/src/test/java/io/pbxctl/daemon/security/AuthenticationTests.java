package io.pbxctl.daemon.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HTTP Basic logins: refusals as problem+json, bcrypt at rest, the failed-login throttle, the
 * roles inside a tenant, and a person changing their own password.
 *
 * <p>The throttle lives in memory in the one shared daemon, and every test calls from the same
 * address (per-address limit 50 failures): each lockout here uses its own username, and the
 * class as a whole causes only a handful of failures.
 */
class AuthenticationTests extends ApiTestSupport {

    private static final String STAFF_PASSWORD = "Staff-Password-77";
    private static final String NEW_PASSWORD = "Brand-New-Secret-88";

    /** Creates a person in the tenant with a login of the given role and returns an API client logged in as them. */
    private Login newLogin(TenantFixture t, String suffix, String role) {
        long userId = t.create("users", Map.of("name", "Person " + suffix));
        String username = t.slug() + "-" + suffix;
        Api.Response login = t.admin().put(t.path("users/" + userId + "/login"),
                Map.of("username", username, "password", STAFF_PASSWORD, "role", role));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return new Login(userId, username, as(username, STAFF_PASSWORD));
    }

    private record Login(long userId, String username, Api api) {
    }

    private void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
    }

    @Test
    void requestWithoutCredentialsIsUnauthorizedAndAsksForBasic() {
        Api.Response refused = anonymous().get("/api/v1/me");
        assertProblem(refused, 401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        TenantFixture t = newTenant();
        Login staff = newLogin(t, "wrong", "USER");
        Api.Response refused = as(staff.username(), STAFF_PASSWORD + "x").get("/api/v1/me");
        assertProblem(refused, 401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void passwordIsStoredAsBcryptHashOnly() {
        TenantFixture t = newTenant();
        Login staff = newLogin(t, "hash", "USER");
        String hash = jdbc.sql("SELECT password_hash FROM web_login WHERE username = ?").param(staff.username())
                .query(String.class).single();
        assertThat(hash).matches("^\\$2[ab]\\$\\d{2}\\$.{53}$");
        assertThat(hash).doesNotContain(STAFF_PASSWORD);
        assertThat(staff.api().get("/api/v1/me").status()).isEqualTo(200);
    }

    /** Five wrong passwords for one username: the lockout answer, its Retry-After and its audit entry. */
    @Test
    void fiveWrongPasswordsLockTheUsernameEvenAgainstTheRightPasswordAndAreAudited() {
        TenantFixture t = newTenant();
        Login victim = newLogin(t, "lock", "USER");
        Api guesser = as(victim.username(), "Not-The-Password-1");
        for (int i = 1; i <= 5; i++) {
            assertThat(guesser.get("/api/v1/me").status()).as("wrong attempt %d", i).isEqualTo(401);
        }

        Api.Response locked = victim.api().get("/api/v1/me");
        assertProblem(locked, 429);
        assertThat(locked.header("Retry-After")).as("Retry-After").isNotNull().matches("[1-9][0-9]*");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isLessThanOrEqualTo(15 * 60);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'LOGIN_LOCKOUT' AND after_json LIKE ?")
                .param("%\"user:" + victim.username() + "@127.0.0.1\"%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void lockoutOfOneUsernameLeavesOtherUsernamesOfTheSameAddressAlone() {
        TenantFixture t = newTenant();
        Login victim = newLogin(t, "lock2", "USER");
        Login colleague = newLogin(t, "colleague", "USER");
        Api guesser = as(victim.username(), "Not-The-Password-2");
        for (int i = 1; i <= 5; i++) {
            guesser.get("/api/v1/me");
        }
        assertThat(victim.api().get("/api/v1/me").status()).isEqualTo(429);

        Api.Response other = colleague.api().get("/api/v1/me");
        assertThat(other.status()).as(other.toString()).isEqualTo(200);
        assertThat(other.body().get("username").asText()).isEqualTo(colleague.username());
    }

    /**
     * Login names are compared without regard to case by the database, so the lockout of a name
     * must hold for every spelling of it; otherwise each case variant gets five more guesses.
     */
    @Test
    void lockoutHoldsForTheSameUsernameInOtherLetterCase() {
        TenantFixture t = newTenant();
        Login victim = newLogin(t, "case", "USER");
        Api guesser = as(victim.username(), "Not-The-Password-3");
        for (int i = 1; i <= 5; i++) {
            guesser.get("/api/v1/me");
        }
        assertThat(victim.api().get("/api/v1/me").status()).isEqualTo(429);

        Api.Response otherCase = as(victim.username().toUpperCase(), STAFF_PASSWORD).get("/api/v1/me");
        assertThat(otherCase.status()).as(otherCase.toString()).isEqualTo(429);
    }

    @Test
    void userReadsDirectoryAndOwnAccount() {
        TenantFixture t = newTenant();
        Login staff = newLogin(t, "reader", "USER");
        Api.Response directory = staff.api().get(t.path("directory"));
        assertThat(directory.status()).as(directory.toString()).isEqualTo(200);
        assertThat(directory.body().get("totalItems").asLong()).isEqualTo(2);

        Api.Response me = staff.api().get("/api/v1/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.body().get("username").asText()).isEqualTo(staff.username());
        assertThat(me.body().get("role").asText()).isEqualTo("USER");
        assertThat(me.body().get("tenantId").asLong()).isEqualTo(t.id());
        assertThat(me.body().get("userId").asLong()).isEqualTo(staff.userId());
    }

    @Test
    void userCannotListUsers() {
        TenantFixture t = newTenant();
        Login staff = newLogin(t, "nosy", "USER");
        assertProblem(staff.api().get(t.path("users")), 403);
    }

    @Test
    void billingViewerCannotReadDirectoryOrUsers() {
        TenantFixture t = newTenant();
        Login billing = newLogin(t, "billing", "BILLING_VIEWER");
        assertThat(billing.api().get("/api/v1/me").status()).isEqualTo(200);
        assertProblem(billing.api().get(t.path("directory")), 403);
        assertProblem(billing.api().get(t.path("users")), 403);
    }

    @Test
    void tenantAdminCannotGrantOperatorRole() {
        TenantFixture t = newTenant();
        long userId = t.create("users", Map.of("name", "Would-be operator"));
        Api.Response refused = t.admin().put(t.path("users/" + userId + "/login"),
                Map.of("username", t.slug() + "-root", "password", STAFF_PASSWORD, "role", "OPERATOR"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("role");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM web_login WHERE user_id = ?").param(userId).query(Long.class).single()).isZero();
    }

    @Test
    void userCannotPutAnyLogin() {
        TenantFixture t = newTenant();
        Login staff = newLogin(t, "climber", "USER");
        long otherUserId = t.create("users", Map.of("name", "Someone else"));
        assertProblem(staff.api().put(t.path("users/" + staff.userId() + "/login"),
                Map.of("username", staff.username(), "password", NEW_PASSWORD, "role", "TENANT_ADMIN")), 403);
        assertProblem(staff.api().put(t.path("users/" + otherUserId + "/login"),
                Map.of("username", t.slug() + "-puppet", "password", NEW_PASSWORD, "role", "USER")), 403);
        assertThat(staff.api().get("/api/v1/me").body().get("role").asText()).isEqualTo("USER");
    }

    @Test
    void weakLoginPasswordIsRefused() {
        TenantFixture t = newTenant();
        long userId = t.create("users", Map.of("name", "Careless"));
        Api.Response refused = t.admin().put(t.path("users/" + userId + "/login"),
                Map.of("username", t.slug() + "-careless", "password", "password", "role", "USER"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("password");
    }

    @Test
    void passwordChangeWithWrongCurrentPasswordIsRefused() {
        TenantFixture t = newTenant();
        Login staff = newLogin(t, "forgetful", "USER");
        Api.Response refused = staff.api().put("/api/v1/me/password",
                Map.of("currentPassword", "Not-My-Password-9", "newPassword", NEW_PASSWORD));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("currentPassword");
        assertThat(staff.api().get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void passwordChangeReplacesThePassword() {
        TenantFixture t = newTenant();
        Login staff = newLogin(t, "changer", "USER");
        Api.Response changed = staff.api().put("/api/v1/me/password",
                Map.of("currentPassword", STAFF_PASSWORD, "newPassword", NEW_PASSWORD));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        assertThat(as(staff.username(), NEW_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(staff.api().get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void roleChangesAndDeletedLoginsTakeEffectOnTheNextRequestDespiteRecentVerification() {
        TenantFixture t = newTenant();
        long user = t.create("users", Map.of("name", "Bùi Thị Xuân"));
        String login = t.slug() + "-xuan";
        assertThat(t.admin().put(t.path("users/" + user + "/login"),
                Map.of("username", login, "password", PASSWORD, "role", "USER")).status()).isEqualTo(200);
        Api xuan = as(login, PASSWORD);
        assertThat(xuan.get(t.path("directory")).status()).isEqualTo(200);
        assertThat(xuan.get(t.path("directory")).status()).isEqualTo(200);

        assertThat(t.admin().put(t.path("users/" + user + "/login"), Map.of("username", login, "role", "BILLING_VIEWER")).status())
                .isEqualTo(200);
        assertThat(xuan.get(t.path("directory")).status()).isEqualTo(403);

        assertThat(t.admin().delete(t.path("users/" + user + "/login")).status()).isEqualTo(204);
        assertThat(xuan.get("/api/v1/me").status()).isEqualTo(401);
    }
}
