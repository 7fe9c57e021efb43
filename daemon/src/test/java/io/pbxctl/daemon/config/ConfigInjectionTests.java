package io.pbxctl.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pbxctl.daemon.config.ConfigModel.Device;
import io.pbxctl.daemon.config.ConfigModel.Did;
import io.pbxctl.daemon.config.ConfigModel.Room;
import io.pbxctl.daemon.config.ConfigModel.Tenant;
import io.pbxctl.daemon.config.ConfigModel.Trunk;
import io.pbxctl.daemon.config.ConfigModel.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values that could change the shape of a generated file are refused again at rendering (the API
 * refuses them first, see ConfigInjectionApiTests), with the offending object named; text that is
 * merely unusual renders without changing any line structure; and a render that fails leaves the
 * previous files exactly as they were.
 */
class ConfigInjectionTests {

    private static final Pattern HEADER = Pattern.compile("(?m)^\\[.*$");

    @ParameterizedTest
    @ValueSource(strings = {"Evil\nname", "Evil;comment", "[section]", "Evil]", "${SHELL}", "#include /etc/passwd", "Evil\r"})
    void unsafeFreeTextIsRefusedWithTheObjectNamed(String payload) {
        assertThatThrownBy(() -> Scenarios.user(7, payload, "OFF", List.of("100")))
                .isInstanceOf(UnsafeConfigValue.class)
                .hasMessageStartingWith("user 7: name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a;b", "[a]", "a]", "${X}", "#include", "a b", "a,b", "a~b", "A"})
    void identifiersOutsideTheirPatternsAreRefused(String payload) {
        assertThatThrownBy(() -> new Device(payload, "DESK_PHONE", Scenarios.MD5)).isInstanceOf(UnsafeConfigValue.class)
                .hasMessageContaining("SIP username");
        assertThatThrownBy(() -> new Room(payload)).isInstanceOf(UnsafeConfigValue.class);
        assertThatThrownBy(() -> new Did(payload, true, "EXTENSION", "100")).isInstanceOf(UnsafeConfigValue.class)
                .hasMessageContaining("inbound number");
        assertThatThrownBy(() -> new Did("842437000000", true, "EXTENSION", payload)).isInstanceOf(UnsafeConfigValue.class);
        assertThatThrownBy(() -> Scenarios.user(7, "Ann", "OFF", List.of(payload))).isInstanceOf(UnsafeConfigValue.class)
                .hasMessageContaining("extension");
        assertThatThrownBy(() -> new Tenant(payload, "vi", List.of(), List.of(), List.of(), List.of(), List.of(), List.of()))
                .isInstanceOf(UnsafeConfigValue.class).hasMessageContaining("slug");
        assertThatThrownBy(() -> new Trunk(payload, "trunk~acme~x", "192.0.2.1", 5060, "UDP", false, null, null))
                .isInstanceOf(UnsafeConfigValue.class).hasMessageContaining("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"host\nname", "host;x", "[host]", "${HOST}", "host name"})
    void trunkValuesAreCheckedToo(String payload) {
        assertThatThrownBy(() -> new Trunk("tel", "trunk~acme~tel", payload, 5060, "UDP", false, null, null))
                .isInstanceOf(UnsafeConfigValue.class).hasMessageStartingWith("trunk 'trunk~acme~tel': host");
        assertThatThrownBy(() -> new Trunk("tel", "trunk~acme~tel", "192.0.2.1", 5060, "UDP", true, payload, "secret"))
                .isInstanceOf(UnsafeConfigValue.class).hasMessageContaining("username");
        assertThatThrownBy(() -> new Trunk("tel", "trunk~acme~tel", "192.0.2.1", 5060, "UDP", true, "line", payload + "x"))
                .isInstanceOf(UnsafeConfigValue.class).hasMessageContaining("secret");
    }

    @Test
    void settingsAreCheckedLikeModelValues() {
        assertThatThrownBy(() -> new GenerationSettings("agi://x\n[evil]", "asterisk", "h", "0.0.0.0", 1, 2, 3, 4, null, null, 30, 90))
                .isInstanceOf(UnsafeConfigValue.class).hasMessageContaining("agi-url");
        assertThatThrownBy(() -> new GenerationSettings("agi://x", "realm;x", "h", "0.0.0.0", 1, 2, 3, 4, null, null, 30, 90))
                .isInstanceOf(UnsafeConfigValue.class).hasMessageContaining("realm");
        assertThatThrownBy(() -> new GenerationSettings("agi://x", "asterisk", "h", "0.0.0.0", 1, 2, 3, 4, "/k.crt\n#include x", "/k.key",
                30, 90)).isInstanceOf(UnsafeConfigValue.class);
        assertThatThrownBy(() -> new GenerationSettings("agi://x", "asterisk", "h", "0.0.0.0", 1, 2, 3, 4, "/k.crt", null, 30, 90))
                .isInstanceOf(UnsafeConfigValue.class).hasMessageContaining("both");
    }

    @Test
    void unusualButSafeTextKeepsEveryLineInPlace() {
        TemplateRenderer renderer = new TemplateRenderer((Path) null);
        String plain = renderer.render(GeneratedFile.PJSIP, named("Plain"), Scenarios.settings());
        for (String name : List.of("Phòng họp #1 (tầng 3)", "O'Brien: R&D, 50% = team", "Łukasz Żółć", "a=b", "x = y")) {
            String tricky = renderer.render(GeneratedFile.PJSIP, named(name), Scenarios.settings());
            assertThat(tricky.lines().count()).as(name).isEqualTo(plain.lines().count());
            assertThat(headers(tricky)).as(name).isEqualTo(headers(plain));
            assertThat(tricky).contains("callerid = \"" + name + "\" <100>");
        }
    }

    @Test
    void anOverrideTemplateThatEmitsADirectiveIsRefusedAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Path overrides = dir.resolve("overrides");
        Path template = overrides.resolve(GeneratedFile.DIALPLAN.template());
        Files.createDirectories(template.getParent());
        Files.writeString(template, "[ok]\n#[[#include \"/etc/shadow\"]]#\n", StandardCharsets.UTF_8);
        Path configDir = dir.resolve("asterisk");
        ConfigGenerator good = new ConfigGenerator(Scenarios::oneTenant, new TemplateRenderer((Path) null), Scenarios.settings(),
                new ConfigWriter(configDir), Clock.systemUTC());
        good.generate();
        String before = Files.readString(configDir.resolve(GeneratedFile.DIALPLAN.path()));

        ConfigGenerator overridden = new ConfigGenerator(Scenarios::twoTenants, new TemplateRenderer(overrides), Scenarios.settings(),
                new ConfigWriter(configDir), Clock.systemUTC());
        assertThatThrownBy(overridden::generate).hasMessageContaining("line 2").hasMessageContaining(template.toString())
                .hasMessageContaining("#include");
        assertThat(Files.readString(configDir.resolve(GeneratedFile.DIALPLAN.path()))).isEqualTo(before);
        assertThat(Files.readString(configDir.resolve(GeneratedFile.PJSIP.path()))).doesNotContain("globex");
    }

    @Test
    void anOverrideTemplateWinsOverTheShippedOne(@TempDir Path overrides) throws IOException {
        Path template = overrides.resolve(GeneratedFile.CONFBRIDGE.template());
        Files.createDirectories(template.getParent());
        Files.writeString(template, "; site profiles\n[pbx-bridge]\ntype = bridge\nmax_members = ${model.userCount()}\n", StandardCharsets.UTF_8);
        TemplateRenderer renderer = new TemplateRenderer(overrides);
        assertThat(renderer.render(GeneratedFile.CONFBRIDGE, Scenarios.oneTenant(), Scenarios.settings())).contains("max_members = 2");
        assertThat(renderer.sourceName(GeneratedFile.CONFBRIDGE)).isEqualTo(template.toString());
        assertThat(renderer.sourceName(GeneratedFile.PJSIP)).startsWith("classpath:");
    }

    @Test
    void aTemplateReferringToSomethingUnknownFailsInStrictMode(@TempDir Path overrides) throws IOException {
        Path template = overrides.resolve(GeneratedFile.CONFBRIDGE.template());
        Files.createDirectories(template.getParent());
        Files.writeString(template, "[pbx-bridge]\ntype = ${model.noSuchThing()}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new TemplateRenderer(overrides).render(GeneratedFile.CONFBRIDGE, Scenarios.oneTenant(), Scenarios.settings()))
                .isInstanceOf(TemplateRenderer.TemplateFailed.class).hasMessageContaining("noSuchThing");
    }

    private static ConfigModel named(String name) {
        return new ConfigModel(List.of(new Tenant("acme", "vi", Scenarios.VN_EMERGENCY,
                List.of(new User(1, name, "OFF", null, List.of("100"), List.of(Scenarios.desk("acme-1")))),
                List.of(Scenarios.trunk("acme", "main", true)), List.of(), List.of(), List.of())));
    }

    private static List<String> headers(String file) {
        return HEADER.matcher(file).results().map(r -> r.group()).toList();
    }

}
