package io.pbxctl.daemon.cdr;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Asterisk writes the call records the daemon imports (docs/call-history.md).
 *
 * @param file the file of the {@code [pbx-cdr.csv]} mapping in cdr_custom.conf
 * @param importEnabled whether this daemon imports it; a daemon on another host than Asterisk
 *        (without the file) leaves it to the one beside Asterisk
 * @param batchSize records per import transaction
 */
@ConfigurationProperties("pbx.cdr")
record CdrProperties(
        @DefaultValue("/var/log/asterisk/cdr-custom/pbx-cdr.csv") Path file,
        @DefaultValue("true") boolean importEnabled,
        @DefaultValue("500") int batchSize) {
}
