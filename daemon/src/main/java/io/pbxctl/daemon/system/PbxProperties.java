package io.pbxctl.daemon.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        @DefaultValue Logins logins,
        @DefaultValue FastAgi fastagi,
        @DefaultValue CallPolicy calls,
        @DefaultValue Asterisk asterisk,
        @DefaultValue Ami ami) {

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
            @DefaultValue("8089") int wssPort,
            @DefaultValue("0.0.0.0") String bindAddress,
            @DefaultValue("5060") int tcpPort,
            @DefaultValue("5061") int tlsPort,
            Path tlsCertificate,
            Path tlsPrivateKey) {
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

    /**
     * The FastAGI server Asterisk asks at call time. FastAGI has no authentication: only the
     * listed client addresses may connect. Requests wait in a bounded queue when every thread
     * is busy; past {@code queueWait} or a full queue the connection is closed, which the
     * dialplan treats as a refusal. The server has its own small database pool with short
     * timeouts so that a slow or stopped database refuses calls quickly instead of holding them.
     */
    public record FastAgi(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("127.0.0.1") String address,
            @DefaultValue("4573") int port,
            @DefaultValue({"127.0.0.1", "::1"}) List<String> allowedClients,
            @DefaultValue("200") int threads,
            @DefaultValue("5000") int queueCapacity,
            @DefaultValue("3s") Duration queueWait,
            @DefaultValue("4096") int backlog,
            @DefaultValue("30s") Duration readTimeout,
            @DefaultValue("20") int databasePoolSize,
            @DefaultValue("2s") Duration databaseTimeout) {
    }

    /**
     * The Asterisk configuration the daemon generates ({@code generate=false}: only on request,
     * as the admin CLI does): where the files go (its own files only,
     * included from the stock ones), an optional directory of operator copies of templates that
     * win over the shipped ones, the FastAGI URL the dialplan calls (empty: this daemon's
     * address and port), the digest realm, how long calls ring, and the coalescing of changes:
     * files are regenerated once no change came for {@code regenerationDelay}, and at the latest
     * {@code regenerationMaxDelay} after the first change of a burst. A dialplan change of at
     * most {@code dialplanEditLimit} extensions is applied by AMI edits instead of a full reload.
     */
    public record Asterisk(
            @DefaultValue("true") boolean generate,
            @DefaultValue("data/asterisk") Path configDir,
            Path templateOverrideDir,
            @DefaultValue("") String agiUrl,
            @DefaultValue("asterisk") String realm,
            @DefaultValue("30s") Duration ringTime,
            @DefaultValue("90s") Duration outboundRingTime,
            @DefaultValue("250ms") Duration regenerationDelay,
            @DefaultValue("1s") Duration regenerationMaxDelay,
            @DefaultValue("1000") int dialplanEditLimit) {
    }

    /**
     * Call-time rules: the quota minimum a call needs, the optional cap on one call's share of
     * the quota (0 = a call may take all that is left), how long a reservation outlives its
     * call's limit (ringing, prompts), and the account-code lockout.
     */
    public record CallPolicy(
            @DefaultValue("60s") Duration minimumQuota,
            @DefaultValue("0s") Duration maximumReservation,
            @DefaultValue("10m") Duration reservationGrace,
            @DefaultValue("5") int codeFailures,
            @DefaultValue("15m") Duration codeFailureWindow,
            @DefaultValue("15m") Duration codeLockout) {
    }

    /**
     * The Asterisk Manager Interface login that applies generated configuration (reloads). The
     * connection is made in the background and retried from {@code retryInitial}, doubling up to
     * {@code retryMax}; {@code connectTimeout} bounds one connect-and-login attempt and a ping,
     * {@code responseTimeout} one reload (a large res_pjsip reload takes a while), and a ping every
     * {@code pingInterval} notices a connection that died without closing.
     */
    public record Ami(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("5038") int port,
            @DefaultValue("pbxctl") String username,
            @DefaultValue("") String secret,
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("60s") Duration responseTimeout,
            @DefaultValue("1s") Duration retryInitial,
            @DefaultValue("30s") Duration retryMax,
            @DefaultValue("30s") Duration pingInterval) {
    }
}
