package io.pbxctl.daemon.recording;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Call recordings (docs/recordings.md): Asterisk's monitor spool directory that the dialplan's
 * MixMonitor writes to and the daemon scans, how often it scans and mails, the largest file
 * sent as an attachment (larger ones get an expiring download link on {@code linkBaseUrl}),
 * the sender address, and the mail retry: {@code retryInitial} doubling up to
 * {@code retryMax}, at most {@code maxAttempts} tries. A send still unconfirmed after
 * {@code sendTimeout} (a daemon stopped in the middle) is not tried again, so that no
 * recording is ever mailed twice. A recording waits up to {@code callRecordWait} after its
 * registration for its call record (the mail's numbers); after that it is mailed without them.
 */
@ConfigurationProperties("pbx.recordings")
record RecordingProperties(
        @DefaultValue("data/recordings") Path directory,
        @DefaultValue("30s") Duration scanInterval,
        @DefaultValue("30s") Duration mailInterval,
        @DefaultValue("10485760") long mailAttachMaxBytes,
        @DefaultValue("7d") Duration linkLifetime,
        @DefaultValue("http://localhost:8080") URI linkBaseUrl,
        @DefaultValue("pbxctl@localhost") String mailFrom,
        @DefaultValue("1m") Duration retryInitial,
        @DefaultValue("1h") Duration retryMax,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("10m") Duration sendTimeout,
        @DefaultValue("0 30 3 * * ?") String retentionCron,
        @DefaultValue("5m") Duration callRecordWait) {
}
