package io.pbxctl.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every call-rights combination (class x closed directions x outbound on/off x account code x
 * quota) gives the same generated files: rights are decided by FastAGI at call time, so a rights
 * change needs no reload and takes effect on the next call. Each user still gets its endpoint and
 * extension.
 */
class CallRightsInFilesTests extends ApiTestSupport {

    private static final List<String> CLASSES = List.of("INTERNAL", "LOCAL", "NATIONAL", "INTERNATIONAL");
    private static final List<List<String>> CLOSED = List.of(List.of(), List.of("INTERNATIONAL"), List.of("MOBILE"),
            List.of("LONG_DISTANCE"), List.of("INTERNATIONAL", "MOBILE", "LONG_DISTANCE"));

    @Autowired
    private ConfigModelLoader loader;

    @Test
    void filesDoNotDependOnCallRights() {
        TenantFixture tenant = newTenant();
        List<Long> users = new ArrayList<>();
        int n = 0;
        for (String callClass : CLASSES) {
            for (List<String> closed : CLOSED) {
                for (boolean outbound : new boolean[] {true, false}) {
                    Map<String, Object> body = rights(callClass, closed, outbound, n % 2 == 0, n % 3 == 0 ? 60 : null);
                    body.put("name", "User " + n);
                    long user = tenant.create("users", body);
                    tenant.create("extensions", Map.of("userId", user, "number", Integer.toString(200 + n)));
                    tenant.create("devices", Map.of("userId", user, "sipUsername", tenant.slug() + "-u" + n));
                    users.add(user);
                    n++;
                }
            }
        }
        Map<GeneratedFile, String> before = render(tenant.slug());
        assertThat(before.get(GeneratedFile.PJSIP)).contains("[" + tenant.slug() + "-u0]", "[" + tenant.slug() + "-u" + (n - 1) + "]");
        assertThat(before.get(GeneratedFile.DIALPLAN)).contains("exten => 200,1,", "exten => " + (200 + n - 1) + ",1,");

        for (int i = 0; i < users.size(); i++) {
            Map<String, Object> body = rights(CLASSES.get((i + 1) % CLASSES.size()), CLOSED.get((i + 2) % CLOSED.size()), i % 2 == 0,
                    i % 2 == 1, i % 3 == 1 ? 5 : null);
            body.put("name", "User " + i);
            Api.Response changed = tenant.admin().put(tenant.path("users") + "/" + users.get(i), body);
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        }
        assertThat(render(tenant.slug())).isEqualTo(before);
    }

    private static Map<String, Object> rights(String callClass, List<String> closed, boolean outbound, boolean code, Integer quota) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callClass", callClass);
        body.put("closedDirections", closed);
        body.put("outboundEnabled", outbound);
        body.put("needsAccountCode", code);
        body.put("monthlyQuotaMinutes", quota);
        return body;
    }

    private Map<GeneratedFile, String> render(String slug) {
        ConfigModel model = new ConfigModel(loader.load().tenants().stream().filter(t -> t.slug().equals(slug)).toList());
        return new TemplateRenderer((Path) null).render(model, Scenarios.settings());
    }
}
