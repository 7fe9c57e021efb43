package io.pbxctl.daemon.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport.TenantFixture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant set up through the API the way an administrator would for call-time tests: two
 * trunks in one outbound group, and users with one device each.
 */
final class CallScenario {

    final TenantFixture tenant;
    final long outboundGroup;

    CallScenario(TenantFixture tenant, Api operator, String accountCodeMode) {
        this.tenant = tenant;
        if (accountCodeMode != null) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("slug", tenant.slug());
            body.put("name", "Tenant " + tenant.slug());
            body.put("country", "VN");
            body.put("areaCode", "024");
            body.put("accountCodeMode", accountCodeMode);
            Api.Response updated = operator.put("/api/v1/tenants/" + tenant.id(), body);
            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        }
        long first = tenant.create("trunks", Map.of("name", "carrier-a", "host", "127.0.0.1", "port", 5090));
        long second = tenant.create("trunks", Map.of("name", "carrier-b", "host", "127.0.0.1", "port", 5091));
        outboundGroup = tenant.create("outbound-groups", Map.of("name", "Default", "callerIdNumber", "02412345678",
                "callerIdName", "Cong ty", "trunkIds", List.of(first, second)));
    }

    /** A user of the outbound group with the given call rights and one device; returns it. */
    Person person(String name, Map<String, Object> rights) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("outboundGroupId", outboundGroup);
        body.putAll(rights);
        long user = tenant.create("users", body);
        String device = tenant.slug() + "-" + name.toLowerCase();
        tenant.create("devices", Map.of("userId", user, "sipUsername", device));
        return new Person(user, device);
    }

    Person person(String name) {
        return person(name, Map.of());
    }

    long accountCode(long owner, String code, String label) {
        return tenant.create("account-codes", Map.of("userId", owner, "code", code, "label", label));
    }

    record Person(long userId, String device) {
    }
}
