package io.pbxctl.daemon.asterisk;

import io.pbxctl.daemon.system.PbxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The AMI connection, always a bean so that whatever writes configuration can ask for reloads;
 * with {@code pbx.ami.enabled=false} it never connects and only keeps the reloads pending.
 */
@Configuration(proxyBeanMethods = false)
class AsteriskConfiguration {

    @Bean
    AsteriskManager asteriskManager(PbxProperties properties) {
        return new AsteriskManager(properties.ami());
    }
}
