package io.pbxctl.daemon.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Every pbx.* setting of the daemon; docs/configuration.md lists them with their environment variables. */
@ConfigurationProperties("pbx")
public record PbxProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue("false") boolean demo,
        @DefaultValue Database db,
        @DefaultValue Secrets secrets,
        @DefaultValue Sip sip,
        @DefaultValue Logins logins) {

    /** An empty url means: start the embedded MariaDB in the data directory. */
    public record Database(
            @DefaultValue("") String url,
            @DefaultValue("pbx") String username,
            @DefaultValue("") String password,
            @DefaultValue("0") int embeddedPort,
            @DefaultValue("120s") Duration embeddedStartTimeout) {
    }

    /** The master key: base64 in {@code key} (environment PBX_SECRETS_KEY) or in a file. */
    public record Secrets(
            @DefaultValue("") String key,
            Path keyFile,
            @DefaultValue("false") boolean generateIfMissing) {
    }

    /** What a phone needs to reach this PBX, shown in a device's login details. */
    public record Sip(
            @DefaultValue("127.0.0.1") String publicHost,
            @DefaultValue("5060") int udpPort,
            @DefaultValue("8089") int wssPort) {
    }

    /**
     * Throttling of failed logins: per username, and with a higher limit per client address
     * (an office behind one NAT address shares it).
     */
    public record Logins(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("50") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration window,
            @DefaultValue("15m") Duration lockout,
            @DefaultValue("5m") Duration verifiedPasswordLifetime) {
    }
}
