package io.pbxctl.daemon.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

/**
 * A generator for tests outside this package that run Asterisk on the files of a few tenants of
 * the shared test database (every test class adds its own), written into a sandbox's config
 * directory.
 */
public final class TenantConfigGenerator {

    private TenantConfigGenerator() {
    }

    public static ConfigGenerator of(ConfigModelLoader loader, Set<String> slugs, GenerationSettings settings, Path confDir) {
        return new ConfigGenerator(() -> only(loader.load(), slugs), new TemplateRenderer((Path) null), settings,
                new ConfigWriter(confDir), Clock.systemUTC());
    }

    static ConfigModel only(ConfigModel model, Set<String> slugs) {
        return new ConfigModel(model.tenants().stream().filter(t -> slugs.contains(t.slug())).toList());
    }
}
