package io.pbxctl.daemon.conference;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The conference schedule job (docs/jobs.md): how long before a room's start its host is
 * reminded by mail, how often the job looks, the reminder's sender, how long after a window's
 * end the job still tries to end a conference (Asterisk or the daemons were down at the end), and
 * how long kicked participants get to hear the kicked-out prompt and leave before the channels
 * still in the conference are hung up, and how long after the window's end Asterisk itself
 * ejects a participant (the conference script's ConfBridge timeout: the backstop for anyone the
 * job's end did not reach; longer than the job's interval plus the kick grace, so the job's
 * kicked-out prompt normally comes first).
 */
@ConfigurationProperties("pbx.conferences")
public record ConferenceScheduleProperties(
        @DefaultValue("15m") Duration reminderBefore,
        @DefaultValue("1m") Duration checkInterval,
        @DefaultValue("pbxctl@localhost") String mailFrom,
        @DefaultValue("1h") Duration endGrace,
        @DefaultValue("10s") Duration kickGrace,
        @DefaultValue("2m") Duration overrun) {
}
