package io.pbxctl.daemon.recording;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * What the mail says about the call; {@code details} is null when the call's record was not
     * in the history in time (docs/recordings.md), and the mail then says so.
     */
    record Call(String userName, String tenantName, Instant started, int durationSeconds, RecordingFile.OwnerKind ownerKind,
            String callId, ZoneId zone, Details details) {
    }

    /**
     * The call as its record describes it: when it began, who called whom (number and name where
     * known), its direction (call_record.direction) and talk time.
     */
    record Details(Instant started, String callerNumber, String callerName, String calleeNumber, String calleeName, String direction,
            int talkSeconds) {
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
        List<String> lines = new ArrayList<>(List.of("start"));
        if (call.details() != null) {
            lines.addAll(List.of("from", "to", "type", "talk"));
        }
        lines.addAll(List.of("duration", "direction", "callId", "tenant"));
        for (String line : lines) {
            text.append(format(line, call)).append('\n');
        }
        if (call.details() == null) {
            text.append(format("noDetails", call)).append('\n');
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
        Details details = call.details();
        Instant started = details == null ? call.started() : details.started();
        Object[] values = {call.userName(), call.tenantName(), WHEN.format(started.atZone(call.zone())), clock(call.durationSeconds()),
                texts.getString("direction." + call.ownerKind().name()), call.callId(),
                details == null ? "" : party(details.callerNumber(), details.callerName()),
                details == null ? "" : party(details.calleeNumber(), details.calleeName()),
                details == null ? "" : texts.getString("type." + details.direction()),
                details == null ? "" : clock(details.talkSeconds())};
        return new MessageFormat(texts.getString(key), locale).format(values);
    }

    private static String clock(int seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return "%d:%02d:%02d".formatted(d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    /** "0912345678 (Nguyễn Thị Hoà)", or whichever of the two is known. */
    static String party(String number, String name) {
        boolean hasNumber = number != null && !number.isBlank();
        boolean hasName = name != null && !name.isBlank();
        if (hasNumber && hasName) {
            return number + " (" + name + ")";
        }
        return hasNumber ? number : hasName ? name : "-";
    }
}
