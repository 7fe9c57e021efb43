package io.pbxctl.daemon.config;

import io.pbxctl.daemon.system.PbxProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One generation: read the model, render every file, check it, and write what changed. Any
 * failure (an unsafe value, a broken template, a refused line) happens before the first write,
 * so the files Asterisk has stay as they were.
 */
@Component
public class ConfigGenerator {

    private final Supplier<ConfigModel> models;
    private final TemplateRenderer renderer;
    private final GenerationSettings settings;
    private final ConfigWriter writer;
    private final Clock clock;

    @Autowired
    ConfigGenerator(ConfigModelLoader loader, TemplateRenderer renderer, GenerationSettings settings, PbxProperties properties) {
        this(loader::load, renderer, settings, new ConfigWriter(properties.asterisk().configDir()), Clock.systemUTC());
    }

    ConfigGenerator(Supplier<ConfigModel> models, TemplateRenderer renderer, GenerationSettings settings, ConfigWriter writer,
            Clock clock) {
        this.models = models;
        this.renderer = renderer;
        this.settings = settings;
        this.writer = writer;
        this.clock = clock;
    }

    /** What one generation did. */
    public record Generation(Instant at, Duration took, int tenants, int users, Map<GeneratedFile, String> files,
                             Set<GeneratedFile> changed) {
    }

    public Generation generate() {
        Instant start = clock.instant();
        ConfigModel model = models.get();
        refuseTlsTrunksWithoutCertificate(model);
        Map<GeneratedFile, String> files = renderer.render(model, settings);
        Set<GeneratedFile> changed = writer.write(files);
        return new Generation(start, Duration.between(start, clock.instant()), model.tenants().size(), model.userCount(), files,
                changed);
    }

    /** pjsip would drop such a trunk at load with only a log line; say which one instead. */
    private void refuseTlsTrunksWithoutCertificate(ConfigModel model) {
        if (settings.tls()) {
            return;
        }
        model.tenants().forEach(tenant -> tenant.trunks().stream().filter(trunk -> trunk.transport().equals("TLS")).findFirst()
                .ifPresent(trunk -> {
                    throw new UnsafeConfigValue("trunk '" + trunk.endpoint() + "'", "transport",
                            "is TLS but no TLS certificate is configured (pbx.sip.tls-certificate and pbx.sip.tls-private-key)");
                }));
    }
}
