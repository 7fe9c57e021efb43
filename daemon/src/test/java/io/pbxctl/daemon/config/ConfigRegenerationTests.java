package io.pbxctl.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.Api;
import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.asterisk.ReloadTarget;
import io.pbxctl.daemon.audit.ModelChanged;
import io.pbxctl.daemon.system.PbxProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The running daemon regenerates by itself after API changes, coalesces bursts, reports what it
 * did, can be forced, and keeps the previous files when the model cannot be rendered.
 */
class ConfigRegenerationTests extends ApiTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    private ConfigRegeneration regeneration;
    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private PbxProperties properties;

    @Test
    void anApiChangeReachesTheGeneratedFilesByItself() throws IOException {
        TenantFixture tenant = newTenant();
        long user = tenant.create("users", Map.of("name", "Fresh"));
        tenant.create("extensions", Map.of("userId", user, "number", "321"));
        tenant.create("devices", Map.of("userId", user, "sipUsername", tenant.slug() + "-fresh"));

        // The device comes last, so the generation that has it also has the extension and its hint.
        await(() -> file(GeneratedFile.PJSIP).contains("[" + tenant.slug() + "-fresh]")
                && file(GeneratedFile.DIALPLAN).contains("exten => 321,hint,PJSIP/" + tenant.slug() + "-fresh"));
        assertThat(file(GeneratedFile.DIALPLAN)).contains("exten => 321,1,Gosub(pbx-internal,s,1(" + tenant.slug() + ",321,");
    }

    @Test
    void aBurstOfAThousandChangesCostsAHandfulOfGenerations() {
        awaitQuiet();
        long before = regeneration.state().generations();
        for (int i = 0; i < 1000; i++) {
            events.publishEvent(new ModelChanged(1L, "user"));
        }
        awaitQuiet();
        long generations = regeneration.state().generations() - before;
        assertThat(generations).isBetween(1L, 5L);
    }

    @Test
    void aThousandApiChangesAreCoalesced() {
        TenantFixture tenant = newTenant();
        awaitQuiet();
        long before = regeneration.state().generations();
        for (int i = 0; i < 1000; i++) {
            Api.Response created = tenant.admin().post(tenant.path("departments"), Map.of("name", "Department " + i));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        awaitQuiet();
        long generations = regeneration.state().generations() - before;
        assertThat(generations).as("generations for 1,000 API changes").isGreaterThanOrEqualTo(1).isLessThan(100);
    }

    @Test
    void operatorsSeeTheStatusAndCanForceARegenerationThatReloadsEverything() {
        Api.Response forced = operator.post("/api/v1/asterisk/config/regenerate", Map.of());
        assertThat(forced.status()).as(forced.toString()).isEqualTo(200);
        assertThat(forced.body().get("ok").asBoolean()).isTrue();
        assertThat(forced.body().get("forced").asBoolean()).isTrue();
        assertThat(forced.body().get("reloadRequested")).hasSize(ReloadTarget.values().length);

        Api.Response status = operator.get("/api/v1/asterisk/config");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().at("/generation/last/ok").asBoolean()).isTrue();
        assertThat(status.body().at("/generation/lastSuccess").asText()).isNotEmpty();
        assertThat(status.body().get("files")).hasSize(GeneratedFile.values().length);
        assertThat(status.body().at("/files/0/path").asText()).isEqualTo("pjsip.d/pbx-generated.conf");
        assertThat(status.body().at("/files/0/template").asText()).startsWith("classpath:dialplan-templates/asterisk/pjsip.d/");
        assertThat(status.body().at("/files/0/bytes").asLong()).isPositive();
        assertThat(status.body().at("/asterisk/connection").asText()).isEqualTo("DISABLED");
        assertThat(status.body().at("/asterisk/pending")).isNotEmpty();

        TenantFixture tenant = newTenant();
        assertThat(tenant.admin().get("/api/v1/asterisk/config").status()).isEqualTo(403);
        assertThat(tenant.admin().post("/api/v1/asterisk/config/regenerate", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aModelThatCannotBeRenderedLeavesThePreviousFilesAndNamesTheObject() throws IOException {
        TenantFixture tenant = newTenant();
        long user = tenant.create("users", Map.of("name", "Mallory"));
        awaitQuiet();
        regeneration.regenerateNow();
        String before = file(GeneratedFile.PJSIP);
        jdbc.sql("UPDATE pbx_user SET name = ? WHERE id = ?").param("Mallory\n[evil]").param(user).update();
        try {
            Api.Response refused = operator.post("/api/v1/asterisk/config/regenerate", Map.of());
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body().get("detail").asText()).contains("user " + user + ": name");
            assertThat(operator.get("/api/v1/asterisk/config").body().at("/generation/last/error").asText())
                    .contains("user " + user + ": name");
            assertThat(file(GeneratedFile.PJSIP)).isEqualTo(before);
        } finally {
            jdbc.sql("UPDATE pbx_user SET name = 'Mallory' WHERE id = ?").param(user).update();
        }
        assertThat(operator.post("/api/v1/asterisk/config/regenerate", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void aSecretThatDoesNotOpenNamesTheDevice() {
        TenantFixture tenant = newTenant();
        long user = tenant.create("users", Map.of("name", "Keyless"));
        long device = tenant.create("devices", Map.of("userId", user, "sipUsername", tenant.slug() + "-keyless"));
        String sealed = jdbc.sql("SELECT secret_encrypted FROM device WHERE id = ?").param(device).query(String.class).single();
        jdbc.sql("UPDATE device SET secret_encrypted = 'v1:sealed-under-another-key' WHERE id = ?").param(device).update();
        try {
            Api.Response refused = operator.post("/api/v1/asterisk/config/regenerate", Map.of());
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().get("detail").asText())
                    .contains("device '" + tenant.slug() + "-keyless': secret cannot be opened with this daemon's master key");
        } finally {
            jdbc.sql("UPDATE device SET secret_encrypted = ? WHERE id = ?").param(sealed).param(device).update();
        }
    }

    private String file(GeneratedFile file) throws IOException {
        Path path = properties.asterisk().configDir().resolve(file.path());
        return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
    }

    private void awaitQuiet() {
        await(() -> regeneration.state().idle());
    }

    private static void await(IoCondition condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        BooleanSupplier check = () -> {
            try {
                return condition.holds();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        while (!check.getAsBoolean()) {
            assertThat(Instant.now()).as("condition still false after %s", PATIENCE).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private interface IoCondition {
        boolean holds() throws IOException;
    }
}
