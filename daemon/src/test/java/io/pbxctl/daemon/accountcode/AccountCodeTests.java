package io.pbxctl.daemon.accountcode;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.secrets.CodeHasher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Account codes: generated once or chosen, stored only as their keyed hash, unique per tenant, never in the audit trail. */
class AccountCodeTests extends ApiTestSupport {

    @Autowired
    private CodeHasher hasher;

    private static Map<String, Object> code(long userId, String code, String label) {
        Map<String, Object> body = new HashMap<>();
        body.put("userId", userId);
        if (code != null) {
            body.put("code", code);
        }
        if (label != null) {
            body.put("label", label);
        }
        return body;
    }

    private String storedHash(long id) {
        return jdbc.sql("SELECT code_hash FROM account_code WHERE id = ?").param(id).query(String.class).single();
    }

    @Test
    void creatingWithoutCodeReturnsAGeneratedEightDigitCode() {
        TenantFixture t = newTenant();
        Api.Response created = t.admin().post(t.path("account-codes"), code(t.adminUserId(), null, null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().get("generatedCode").asText()).matches("[0-9]{8}");
    }

    @Test
    void generatedCodeIsShownOnlyOnce() {
        TenantFixture t = newTenant();
        Api.Response created = t.admin().post(t.path("account-codes"), code(t.adminUserId(), null, null));
        assertThat(created.body().get("generatedCode").isTextual()).isTrue();

        Api.Response read = t.admin().get(t.path("account-codes/" + created.id()));
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.body().get("generatedCode").isNull()).as(read.toString()).isTrue();
        Api.Response list = t.admin().get(t.path("account-codes"));
        assertThat(list.body().get("items").get(0).get("generatedCode").isNull()).as(list.toString()).isTrue();
    }

    @Test
    void generatedCodeIsStoredOnlyAsItsKeyedHash() {
        TenantFixture t = newTenant();
        Api.Response created = t.admin().post(t.path("account-codes"), code(t.adminUserId(), null, null));
        String generated = created.body().get("generatedCode").asText();
        String stored = storedHash(created.id());
        assertThat(stored).isEqualTo(hasher.hash(generated)).doesNotContain(generated);
    }

    @Test
    void chosenCodeIsStoredAsItsKeyedHashAndNotEchoed() {
        TenantFixture t = newTenant();
        Api.Response created = t.admin().post(t.path("account-codes"), code(t.adminUserId(), "482913", null));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().get("generatedCode").isNull()).isTrue();
        assertThat(created.raw().body()).doesNotContain("482913");
        assertThat(storedHash(created.id())).isEqualTo(hasher.hash("482913"));
    }

    @Test
    void sameCodeTwiceInOneTenantIsAConflict() {
        TenantFixture t = newTenant();
        long otherUser = t.create("users", Map.of("name", "Colleague"));
        t.create("account-codes", code(t.adminUserId(), "7351", null));
        Api.Response clash = t.admin().post(t.path("account-codes"), code(otherUser, "7351", null));
        assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
        assertThat(clash.body().get("field").asText()).isEqualTo("code");
        assertThat(clash.raw().body()).doesNotContain("7351");
    }

    @Test
    void sameCodeInAnotherTenantIsFine() {
        TenantFixture a = newTenant();
        TenantFixture b = newTenant();
        a.create("account-codes", code(a.adminUserId(), "66042718", null));
        Api.Response other = b.admin().post(b.path("account-codes"), code(b.adminUserId(), "66042718", null));
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
    }

    @Test
    void labelDefaultsToTheOwnersName() {
        TenantFixture t = newTenant();
        long owner = t.create("users", Map.of("name", "Trần Thị Bích"));
        Api.Response defaulted = t.admin().post(t.path("account-codes"), code(owner, null, null));
        assertThat(defaulted.body().get("label").asText()).isEqualTo("Trần Thị Bích");
        Api.Response chosen = t.admin().post(t.path("account-codes"), code(owner, null, "Project Sông Hồng"));
        assertThat(chosen.body().get("label").asText()).isEqualTo("Project Sông Hồng");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "123", "1234567890123", "12a4", "12 34", "+12345"})
    void codeMustBeFourToTwelveDigits(String code) {
        TenantFixture t = newTenant();
        Api.Response refused = t.admin().post(t.path("account-codes"), code(t.adminUserId(), code, null));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("code");
    }

    @Test
    void auditEntriesOfAccountCodesNeverContainTheCode() {
        TenantFixture t = newTenant();
        Api.Response generated = t.admin().post(t.path("account-codes"), code(t.adminUserId(), null, null));
        String generatedCode = generated.body().get("generatedCode").asText();
        long chosen = t.create("account-codes", code(t.adminUserId(), "918273645012", null));
        Api.Response replaced = t.admin().put(t.path("account-codes/" + chosen), code(t.adminUserId(), "507193826401", "Renamed"));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(t.admin().delete(t.path("account-codes/" + generated.id())).status()).isEqualTo(204);

        List<String> entries = jdbc.sql("""
                SELECT CONCAT(action, ' ', COALESCE(before_json, ''), ' ', COALESCE(after_json, ''))
                  FROM audit_entry WHERE tenant_id = ? AND entity_type = 'account code'""")
                .param(t.id()).query(String.class).list();
        assertThat(entries).hasSize(4);
        assertThat(entries).noneMatch(e -> e.contains(generatedCode) || e.contains("918273645012") || e.contains("507193826401"));
        Api.Response viaApi = t.admin().get(t.path("audit?entityType=account%20code"));
        assertThat(viaApi.body().get("totalItems").asLong()).isEqualTo(4);
        assertThat(viaApi.raw().body()).doesNotContain(generatedCode).doesNotContain("918273645012").doesNotContain("507193826401");
    }
}
