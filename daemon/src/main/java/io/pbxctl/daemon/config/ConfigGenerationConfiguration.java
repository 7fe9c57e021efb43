package io.pbxctl.daemon.config;

import io.pbxctl.daemon.system.PbxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ConfigGenerationConfiguration {

    /** Checked once at start-up: a setting that cannot go into a file stops the daemon with its name. */
    @Bean
    GenerationSettings generationSettings(PbxProperties properties) {
        return GenerationSettings.of(properties);
    }
}
