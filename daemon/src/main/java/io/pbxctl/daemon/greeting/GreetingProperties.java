package io.pbxctl.daemon.greeting;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where uploaded tenant greetings go and how they are converted (docs/portal.md, Greeting).
 *
 * @param dir Asterisk's {@code sounds/pbx-greetings} directory, where the dialplan looks for
 *        {@code <slug>.wav} (on Debian {@code /usr/share/asterisk/sounds/pbx-greetings})
 * @param maxBytes largest upload accepted
 * @param sox the sox program converting uploads to 8 kHz mono 16-bit WAV
 * @param timeout how long one conversion may take before it is stopped
 */
@ConfigurationProperties("pbx.greetings")
record GreetingProperties(
        @DefaultValue("data/greetings") Path dir,
        @DefaultValue("10485760") long maxBytes,
        @DefaultValue("sox") String sox,
        @DefaultValue("30s") Duration timeout) {
}
