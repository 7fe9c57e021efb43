package io.pbxctl.daemon.recording;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The subject and body of a recording mail in the user's language (vi, en, pl; English for any
 * other), from {@code mail/recording*.properties}. Never the JVM's default locale: a daemon
 * running in Poland must not write Polish to an English-speaking user.
 */
final class RecordingMailText {

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss (VV)");

    /** What the mail says about the call. */
    record Call(String userName, String tenantName, Instant started, int durationSeconds, RecordingFile.OwnerKind ownerKind,
            String callId, ZoneId zone) {
    }

    private final ResourceBundle texts;
    private final Locale locale;

    RecordingMailText(String language) {
        this.locale = Locale.forLanguageTag(language == null ? "en" : language);
        this.texts = ResourceBundle.getBundle("mail/recording", locale, NO_FALLBACK);
    }

    String subject(Call call) {
        return format("subject", call);
    }

    /** The body; {@code expires} is null when the recording is attached, else the link's expiry. */
    String body(Call call, String link, Instant expires) {
        StringBuilder text = new StringBuilder();
        text.append(format("greeting", call)).append("\n\n").append(format("intro", call)).append("\n\n");
        for (String line : new String[] {"start", "duration", "direction", "callId", "tenant"}) {
            text.append(format(line, call)).append('\n');
        }
        text.append('\n');
        if (link == null) {
            text.append(format("attached", call)).append('\n');
        } else {
            text.append(new MessageFormat(texts.getString("link"), locale).format(new Object[] {WHEN.format(expires.atZone(call.zone()))}))
                    .append('\n').append(link).append('\n');
        }
        return text.toString();
    }

    private String format(String key, Call call) {
        Duration d = Duration.ofSeconds(call.durationSeconds());
        String duration = "%d:%02d:%02d".formatted(d.toHours(), d.toMinutesPart(), d.toSecondsPart());
        Object[] values = {call.userName(), call.tenantName(), WHEN.format(call.started().atZone(call.zone())), duration,
                texts.getString("direction." + call.ownerKind().name()), call.callId()};
        return new MessageFormat(texts.getString(key), locale).format(values);
    }
}
