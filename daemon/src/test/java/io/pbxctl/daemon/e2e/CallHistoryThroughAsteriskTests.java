package io.pbxctl.daemon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.agi.FastAgiServer;
import io.pbxctl.daemon.cdr.CdrImports;
import io.pbxctl.daemon.config.ConfigModelLoader;
import io.pbxctl.daemon.config.TenantConfigGenerator;
import io.pbxctl.daemon.sandbox.AsteriskSandbox;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Real calls through Asterisk 22 with the call-record mapping operators install
 * (docs/call-history.md): Asterisk writes the records to its file while nothing imports them,
 * and the import then stores each once, enriched from the model.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallHistoryThroughAsteriskTests extends ApiTestSupport {

    @Autowired
    private ConfigModelLoader loader;
    @Autowired
    private FastAgiServer fastAgi;
    @Autowired
    private ApplicationContext context;

    private SipRig rig;
    private TenantFixture acme;
    private Path records;
    private final Map<String, String> secrets = new HashMap<>();
    private long alice;
    private long bob;

    @BeforeAll
    void startPbx() throws IOException {
        AsteriskSandbox.assumeAvailable();
        operatorLogin();
        rig = new SipRig("e2e-history");
        Path modules = rig.conf.resolve("modules.conf");
        Files.writeString(modules, Files.readString(modules).replace("noload = cdr_custom.so\n", ""));
        AsteriskSandbox.copyConfig(resource("/sandbox/cdr"), rig.conf, Map.of());
        records = rig.base.resolve("run/log/cdr-custom/pbx-cdr.csv");
        Files.createDirectories(records.getParent());
        int carrierPort = AsteriskSandbox.freeUdpPort();
        acme = newTenant("VN");
        long trunk = acme.create("trunks", Map.of("name", "carrier", "host", "127.0.0.2", "port", carrierPort));
        long group = acme.create("outbound-groups", Map.of("name", "Default", "trunkIds", List.of(trunk)));
        alice = user("alice", "100", Map.of());
        bob = user("bob", "101", Map.of("outboundGroupId", group, "recordingMode", "OUTBOUND"));
        TenantConfigGenerator.of(loader, Set.of(acme.slug()), rig.settings("agi://127.0.0.1:" + fastAgi.port()), rig.conf).generate();
        rig.start();
        rig.carrier("127.0.0.2", carrierPort, "trunk~" + acme.slug() + "~carrier");
    }

    @AfterAll
    void stopPbx() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void callsAsteriskRecordedWhileNothingImportedAreStoredOnceAndEnriched() throws IOException {
        rig.phone(device("alice"), secrets.get(device("alice")), "phone-answer.xml");
        SipLog internal = call("bob", "100");
        assertThat(internal.finalInviteStatus()).as(internal.toString()).contains(200);
        SipLog mobile = call("bob", "0912345678");
        assertThat(mobile.finalInviteStatus()).as(mobile.toString()).contains(200);
        SipLog abroad = call("bob", "0033123456789");
        assertThat(abroad.finalInviteStatus()).as(abroad.toString()).contains(403);
        SipRig.waitFor(Duration.ofSeconds(20), () -> lines() >= 3, () -> "records written: " + read());

        assertThat(CdrImports.importFile(context, records)).as(read()).isEqualTo((int) lines());
        assertThat(CdrImports.importFile(context, records)).isZero();

        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT direction, disposition, user_id, peer_user_id, dialled_number, talk_seconds, recording_file, device_id
                FROM call_record WHERE tenant_id = ? ORDER BY started_at, id""").param(acme.id()).query().listOfRows();
        assertThat(rows).as(read()).extracting(r -> r.get("dialled_number")).containsExactly("100", "0912345678", "0033123456789");
        assertThat(rows).extracting(r -> r.get("user_id")).containsOnly(bob);
        assertThat(rows.get(0)).containsEntry("direction", "INTERNAL").containsEntry("disposition", "ANSWERED")
                .containsEntry("peer_user_id", alice);
        assertThat(rows.get(1)).containsEntry("direction", "MOBILE").containsEntry("disposition", "ANSWERED");
        assertThat((String) rows.get(1).get("recording_file")).startsWith("pbx/" + acme.slug() + "/").endsWith(".wav");
        assertThat((Integer) rows.get(1).get("talk_seconds")).isBetween(0, 5);
        assertThat(rows.get(2)).containsEntry("direction", "INTERNATIONAL").containsEntry("talk_seconds", 0);
        assertThat(rows.get(2).get("disposition")).isNotEqualTo("ANSWERED");
    }

    private long lines() {
        return read().lines().count();
    }

    private String read() {
        try {
            return Files.exists(records) ? Files.readString(records, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long user(String name, String extension, Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(settings);
        body.put("name", name);
        long user = acme.create("users", body);
        acme.create("extensions", Map.of("userId", user, "number", extension));
        long id = acme.create("devices", Map.of("userId", user, "sipUsername", device(name)));
        var details = acme.admin().post(acme.path("devices/" + id + "/login-details"), null);
        assertThat(details.status()).as(details.toString()).isEqualTo(200);
        secrets.put(details.body().get("username").asText(), details.body().get("password").asText());
        return user;
    }

    private String device(String name) {
        return acme.slug() + "-" + name;
    }

    private SipLog call(String caller, String number) {
        return rig.call(device(caller), secrets.get(device(caller)), number, Duration.ofSeconds(1));
    }

    private static Path resource(String name) {
        try {
            return Path.of(CallHistoryThroughAsteriskTests.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
