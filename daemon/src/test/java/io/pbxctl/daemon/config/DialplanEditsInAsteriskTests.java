package io.pbxctl.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.asterisk.AmiSandbox;
import io.pbxctl.daemon.asterisk.AmiStatus;
import io.pbxctl.daemon.asterisk.AsteriskManager;
import io.pbxctl.daemon.asterisk.DialplanEdit;
import io.pbxctl.daemon.asterisk.ReloadTarget;
import io.pbxctl.daemon.sandbox.AsteriskSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Dialplan edits over AMI against a real Asterisk 22: after an admin adds a user with a device,
 * gives a user another device, takes an extension away and renumbers a room, the edits leave
 * Asterisk with exactly the dialplan and hints that a full reload of the new file gives.
 */
class DialplanEditsInAsteriskTests extends ApiTestSupport {

    @Autowired
    private ConfigModelLoader loader;

    @Test
    void editsGiveTheSameDialplanAsAFullReload() throws Exception {
        AsteriskSandbox.assumeAvailable();
        TenantFixture tenant = newTenant("VN");
        String slug = tenant.slug();
        long alice = tenant.create("users", Map.of("name", "Alice"));
        long bob = tenant.create("users", Map.of("name", "Bob", "callWaiting", false));
        tenant.create("extensions", Map.of("userId", alice, "number", "100"));
        long bobsSecond = tenant.create("extensions", Map.of("userId", bob, "number", "151"));
        tenant.create("extensions", Map.of("userId", bob, "number", "101"));
        tenant.create("devices", Map.of("userId", alice, "sipUsername", slug + "-alice-desk"));
        tenant.create("devices", Map.of("userId", bob, "sipUsername", slug + "-bob"));
        long room = tenant.create("conference-rooms", Map.of("number", "5000"));

        AmiSandbox sandbox = new AmiSandbox("dialplan-edits", "generated");
        GenerationSettings settings = new GenerationSettings("agi://127.0.0.1:4573", "asterisk", "127.0.0.1", "127.0.0.1",
                AsteriskSandbox.freeUdpPort(), AsteriskSandbox.freeTcpPort(), AsteriskSandbox.freeTcpPort(), AsteriskSandbox.freeTcpPort(),
                null, null, 30, 90);
        ConfigGenerator generator = TenantConfigGenerator.of(loader, Set.of(slug), settings, sandbox.conf);
        Dialplan before = Dialplan.parse(generator.generate().files().get(GeneratedFile.DIALPLAN));

        try (AsteriskSandbox asterisk = sandbox.start()) {
            AsteriskManager manager = sandbox.manager();
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> manager.status().connected());

                long newcomer = tenant.create("users", Map.of("name", "Newcomer"));
                tenant.create("extensions", Map.of("userId", newcomer, "number", "120"));
                tenant.create("devices", Map.of("userId", newcomer, "sipUsername", slug + "-newcomer"));
                tenant.create("devices", Map.of("userId", alice, "sipUsername", slug + "-alice-soft", "kind", "SOFTPHONE"));
                assertThat(tenant.admin().delete(tenant.path("extensions/" + bobsSecond)).status()).isEqualTo(204);
                assertThat(tenant.admin().put(tenant.path("conference-rooms/" + room), Map.of("number", "5009")).status()).isEqualTo(200);
                ConfigGenerator.Generation generation = generator.generate();
                assertThat(generation.changed()).contains(GeneratedFile.PJSIP, GeneratedFile.DIALPLAN);
                List<DialplanEdit> edits = DialplanDelta.between(before, Dialplan.parse(generation.files().get(GeneratedFile.DIALPLAN)))
                        .orElseThrow();
                assertThat(edits).contains(
                        new DialplanEdit.Remove("pbx~" + slug + "~extensions", "151", null),
                        new DialplanEdit.Add("pbx~" + slug + "~extensions", "100", "hint", "PJSIP/" + slug + "-alice-desk&PJSIP/"
                                + slug + "-alice-soft", ""),
                        new DialplanEdit.Remove("pbx~" + slug + "~rooms", "5000", null));

                manager.apply(Set.of(ReloadTarget.PJSIP), edits);
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    AmiStatus.LastReload last = manager.status().lastReload();
                    return last != null && last.dialplanEdits() == edits.size();
                });
                assertThat(manager.status().lastReload().outcome()).as(manager.status().lastReload().message())
                        .isEqualTo(AmiStatus.Outcome.OK);
                String edited = shown(asterisk, slug);
                assertThat(edited).contains("'120' =>", "'5009' =>").doesNotContain("'151' =>", "'5000' =>");

                asterisk.cli("dialplan reload");
                assertThat(shown(asterisk, slug)).isEqualTo(edited);
                assertThat(Files.readAllLines(asterisk.logDir().resolve("messages"), StandardCharsets.UTF_8))
                        .noneMatch(line -> line.contains("] WARNING[") || line.contains("] ERROR["));
            } finally {
                manager.stop();
            }
        }
    }

    /**
     * The tenant's extension and room contexts and the server's hints as Asterisk lists them,
     * without the file and line each priority came from (edits have none) and the `dialplan show`
     * summary line.
     */
    private static String shown(AsteriskSandbox asterisk, String slug) {
        StringBuilder shown = new StringBuilder();
        for (String context : List.of("pbx~" + slug + "~extensions", "pbx~" + slug + "~rooms")) {
            shown.append(Arrays.stream(asterisk.cli("dialplan show " + context).split("\n"))
                    .filter(line -> !line.startsWith("-= "))
                    .map(line -> line.replaceFirst("\\s+\\[[^\\]]*\\]\\s*$", ""))
                    .collect(Collectors.joining("\n")));
        }
        shown.append(Arrays.stream(asterisk.cli("core show hints").split("\n")).filter(line -> line.contains("@pbx~"))
                .sorted().collect(Collectors.joining("\n")));
        return shown.toString();
    }
}
