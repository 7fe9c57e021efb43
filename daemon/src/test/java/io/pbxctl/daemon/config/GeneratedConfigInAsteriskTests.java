package io.pbxctl.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pbxctl.daemon.ApiTestSupport;
import io.pbxctl.daemon.sandbox.AsteriskSandbox;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The generated files in a real Asterisk 22: two tenants built through the API (same extension
 * numbers, every device kind, a registering and an IP trunk, rooms with and without PIN, inbound
 * numbers with and without direct dialling) load with no WARNING or ERROR, and Asterisk lists
 * exactly the endpoints, contexts and extensions the model holds, also after a change and reload;
 * a recording started by the generated dialplan is named for the daemon and marked once closed.
 */
class GeneratedConfigInAsteriskTests extends ApiTestSupport {

    private static final Pattern PROBLEM = Pattern.compile("\\] (WARNING|ERROR)\\[");
    private static final Pattern ENDPOINT = Pattern.compile("^ Endpoint:  ([^<\\s][^/\\s]*)", Pattern.MULTILINE);
    private static final Pattern CONTEXT = Pattern.compile("^\\[ Context '([^']+)' created by 'pbx_config' \\]", Pattern.MULTILINE);
    private static final Pattern EXTENSION = Pattern.compile("^  '([^']+)' =>", Pattern.MULTILINE);

    @Autowired
    private ConfigModelLoader loader;

    @Test
    void generatedFilesLoadCleanAndAsteriskHoldsExactlyTheModel() throws Exception {
        AsteriskSandbox.assumeAvailable();
        TenantFixture first = newTenant("VN");
        TenantFixture second = newTenant("PL");
        int carrierPort = AsteriskSandbox.freeUdpPort();
        populate(first, carrierPort);
        populate(second, carrierPort);

        Path base = Path.of("target", "asterisk-sandbox", "generated-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        Path confDir = base.resolve("conf");
        int amiPort = AsteriskSandbox.freeTcpPort();
        Map<String, String> ports = Map.of("AMI_PORT", Integer.toString(amiPort), "SIP_PORT", Integer.toString(AsteriskSandbox.freeUdpPort()),
                "AMI_SECRET", UUID.randomUUID().toString());
        AsteriskSandbox.copyConfig(resource("/sandbox/minimal"), confDir, ports);
        AsteriskSandbox.copyConfig(resource("/sandbox/generated"), confDir, ports);
        int sipPort = AsteriskSandbox.freeUdpPort();
        GenerationSettings settings = new GenerationSettings("agi://127.0.0.1:4573", "asterisk", "127.0.0.1", "127.0.0.1", sipPort,
                AsteriskSandbox.freeTcpPort(), AsteriskSandbox.freeTcpPort(), AsteriskSandbox.freeTcpPort(), null, null, 30, 90);
        Set<String> slugs = Set.of(first.slug(), second.slug());
        ConfigGenerator generator = new ConfigGenerator(() -> only(loader.load(), slugs), new TemplateRenderer((Path) null), settings,
                new ConfigWriter(confDir), Clock.systemUTC());
        assertThat(generator.generate().changed()).containsExactlyInAnyOrder(GeneratedFile.values());

        try (AsteriskSandbox asterisk = AsteriskSandbox.start(base.resolve("run"), confDir)) {
            assertAsteriskHolds(asterisk, only(loader.load(), slugs));
            assertRecordingIsMarkedFinished(asterisk, first);

            long user = first.create("users", Map.of("name", "Newcomer"));
            first.create("extensions", Map.of("userId", user, "number", "120"));
            first.create("devices", Map.of("userId", user, "sipUsername", first.slug() + "-newcomer"));
            assertThat(generator.generate().changed()).containsExactlyInAnyOrder(GeneratedFile.PJSIP, GeneratedFile.DIALPLAN);
            asterisk.cli("module reload res_pjsip.so");
            asterisk.cli("dialplan reload");
            assertAsteriskHolds(asterisk, only(loader.load(), slugs));
            assertThat(asterisk.cli("pjsip show endpoint " + first.slug() + "-newcomer")).contains("Newcomer");

            assertThat(generator.generate().changed()).as("an unchanged model rewrites nothing").isEmpty();
            assertThat(problems(asterisk.logDir().resolve("messages"))).isEmpty();
        }
    }

    /**
     * The generated [pbx-record] names the file after the call and its owner, and MixMonitor's
     * command leaves the marker that tells the daemon the file is closed (docs/recordings.md).
     */
    private static void assertRecordingIsMarkedFinished(AsteriskSandbox asterisk, TenantFixture tenant) throws Exception {
        asterisk.cli("channel originate Local/" + tenant.slug() + "-" + tenant.adminUserId() + "@record-test application Wait 10");
        Path recordings = asterisk.runDir().resolve("spool/monitor/pbx/" + tenant.slug());
        await().atMost(Duration.ofSeconds(30)).until(() -> !markers(recordings).isEmpty());
        Path marker = markers(recordings).get(0);
        String wav = marker.getFileName().toString().replaceFirst("\\.done$", "");
        assertThat(wav).matches("[0-9]+\\.[0-9]+~u" + tenant.adminUserId() + "\\.wav");
        assertThat(recordings.relativize(marker).toString()).matches("[0-9]{4}/[0-9]{2}/[0-9]{2}/.*");
        assertThat(Files.size(marker.resolveSibling(wav))).as("never bridged: header only").isLessThanOrEqualTo(44);
    }

    private static List<Path> markers(Path directory) throws java.io.IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (var files = Files.walk(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".wav.done")).toList();
        }
    }

    private void populate(TenantFixture tenant, int carrierPort) {
        String slug = tenant.slug();
        long ip = tenant.create("trunks", Map.of("name", "carrier", "host", "127.0.0.1", "port", carrierPort));
        long registering = tenant.create("trunks", Map.of("name", "registrar", "host", "127.0.0.1", "port", carrierPort,
                "registration", true, "username", slug + "-line", "secret", "Carrier-secret-42"));
        long group = tenant.create("outbound-groups", Map.of("name", "Default", "callerIdNumber", "02412345678",
                "trunkIds", List.of(registering, ip)));
        long alice = tenant.create("users", Map.of("name", "Alice Nguyễn", "outboundGroupId", group, "recordingMode", "ALL",
                "autoAnswer", true));
        long bob = tenant.create("users", Map.of("name", "Bob Żółw", "callWaiting", false));
        long aliceExtension = tenant.create("extensions", Map.of("userId", alice, "number", "100"));
        tenant.create("extensions", Map.of("userId", alice, "number", "150"));
        tenant.create("extensions", Map.of("userId", bob, "number", "101"));
        tenant.create("devices", Map.of("userId", alice, "sipUsername", slug + "-alice-desk", "kind", "DESK_PHONE"));
        tenant.create("devices", Map.of("userId", alice, "sipUsername", slug + "-alice-soft", "kind", "SOFTPHONE"));
        tenant.create("devices", Map.of("userId", alice, "sipUsername", slug + "-alice-web", "kind", "WEBRTC"));
        tenant.create("devices", Map.of("userId", bob, "sipUsername", slug + "-bob"));
        long room = tenant.create("conference-rooms", Map.of("number", "5000", "pin", "2468", "hostUserId", alice));
        tenant.create("conference-rooms", Map.of("number", "5001"));
        String unique = pad(Long.toString(tenant.id()));
        assignInboundNumber(tenant, Map.of("number", "8424" + unique + "00", "directDial", true,
                "destination", Map.of("type", "EXTENSION", "number", "100")));
        assignInboundNumber(tenant, Map.of("number", "8424" + unique + "01", "directDial", false,
                "destination", Map.of("type", "CONFERENCE", "number", "5000")));
        assertThat(aliceExtension).isPositive();
        assertThat(room).isPositive();
    }

    private static String pad(String id) {
        return "0".repeat(Math.max(0, 8 - id.length())) + id;
    }

    private static ConfigModel only(ConfigModel model, Set<String> slugs) {
        return new ConfigModel(model.tenants().stream().filter(t -> slugs.contains(t.slug())).toList());
    }

    private static void assertAsteriskHolds(AsteriskSandbox asterisk, ConfigModel model) {
        Set<String> endpoints = new TreeSet<>();
        Map<String, Set<String>> contexts = new LinkedHashMap<>();
        for (ConfigModel.Tenant tenant : model.tenants()) {
            tenant.users().forEach(u -> u.devices().forEach(d -> endpoints.add(d.name())));
            tenant.trunks().forEach(t -> endpoints.add(t.endpoint()));
            String slug = tenant.slug();
            contexts.put("pbx~" + slug + "~extensions", tenant.users().stream().flatMap(u -> u.extensions().stream())
                    .collect(Collectors.toCollection(TreeSet::new)));
            contexts.put("pbx~" + slug + "~rooms", tenant.rooms().stream().map(ConfigModel.Room::number)
                    .collect(Collectors.toCollection(TreeSet::new)));
            contexts.put("pbx~" + slug + "~emergency", new TreeSet<>(tenant.emergencyNumbers()));
        }
        contexts.put("pbx-dids", model.tenants().stream().flatMap(t -> t.dids().stream()).map(ConfigModel.Did::number)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(matches(ENDPOINT, asterisk.cli("pjsip show endpoints"))).isEqualTo(endpoints);
        for (Map.Entry<String, Set<String>> context : contexts.entrySet()) {
            String shown = asterisk.cli("dialplan show " + context.getKey());
            assertThat(matches(CONTEXT, shown)).as(shown).contains(context.getKey());
            assertThat(extensionsOf(shown, context.getKey())).as(shown).isEqualTo(context.getValue());
        }
    }

    /** The extensions listed under one context of a `dialplan show` (which also lists included contexts). */
    private static Set<String> extensionsOf(String shown, String context) {
        int start = shown.indexOf("[ Context '" + context + "'");
        int end = shown.indexOf("[ Context '", start + 1);
        return matches(EXTENSION, shown.substring(start, end < 0 ? shown.length() : end));
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static List<String> problems(Path messages) throws java.io.IOException {
        List<String> problems = new ArrayList<>();
        for (String line : Files.readAllLines(messages, StandardCharsets.UTF_8)) {
            if (PROBLEM.matcher(line).find()) {
                problems.add(line);
            }
        }
        return problems;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(GeneratedConfigInAsteriskTests.class.getResource(name).toURI());
    }
}
