package io.pbxctl.daemon.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import org.junit.jupiter.api.Test;

class OpenApiTests extends ApiTestSupport {

    @Test
    void theApiDescriptionIsPublicAndListsEveryResource() {
        Api.Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("openapi").asText()).startsWith("3.");
        JsonNode paths = docs.body().get("paths");
        for (String resource : new String[] {"departments", "users", "extensions", "devices", "account-codes", "prefixes", "trunks",
                "outbound-groups", "inbound-numbers", "conference-rooms"}) {
            assertThat(paths.has("/api/v1/tenants/{tenantId}/" + resource)).as(resource).isTrue();
            assertThat(paths.get("/api/v1/tenants/{tenantId}/" + resource + "/{id}").has("put")).as(resource).isTrue();
        }
        assertThat(paths.has("/api/v1/tenants")).isTrue();
        assertThat(paths.has("/api/v1/tenants/{tenantId}/directory")).isTrue();
        assertThat(paths.has("/api/v1/tenants/{tenantId}/devices/{id}/login-details")).isTrue();
        assertThat(paths.has("/api/v1/audit")).isTrue();
        assertThat(docs.body().at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    }

    @Test
    void requestSchemasAreConcreteNotGeneric() {
        JsonNode create = anonymous().get("/v3/api-docs").body()
                .at("/paths/~1api~1v1~1tenants~1{tenantId}~1users/post/requestBody/content/application~1json/schema/$ref");
        assertThat(create.asText()).endsWith("/UserRequest");
    }

    @Test
    void theBrowsableUiIsServed() {
        Api.Response ui = anonymous().get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
    }
}
