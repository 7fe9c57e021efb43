package io.pbxctl.daemon.conference;

import io.pbxctl.daemon.agi.Utc;
import io.pbxctl.daemon.asterisk.AsteriskManager;
import io.pbxctl.daemon.audit.AuditLog;
import java.io.IOException;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.asteriskjava.manager.action.ConfbridgeKickAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.response.ManagerResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the clock asks of scheduled rooms: a reminder mail to the host {@code reminderBefore} the
 * start, and at the end of the window the end of the conference, by kicking every participant
 * over AMI ({@code ConfbridgeKick}, channel {@code all}) from the bridge the dialplan names
 * {@code <slug>~<room>}, then hanging up the channels still in it after {@code kickGrace}. Each
 * is claimed in {@code conference_notice} first, so it happens once across daemons; a claim whose
 * action failed is released and tried again at the next run.
 */
@Component
class ConferenceSchedule {

    /** Asterisk's answers (app_confbridge.c) when there is nothing to end. */
    static final Set<String> NOT_RUNNING = Set.of("No active conferences.", "No Conference by that name found.",
            "No Channel by that name found in Conference.");
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    /** How often the end looks whether the kicked participants left. */
    private static final Duration POLL = Duration.ofMillis(250);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (VV)");

    private record Window(long roomId, long tenantId, String slug, String number, String description, LocalDateTime start, int minutes,
            ZoneId zone, String tenantName, String hostName, String hostEmail, String hostLanguage) {

        Instant startsAt() {
            return start.atZone(zone).toInstant();
        }

        Instant endsAt() {
            return startsAt().plusSeconds(minutes * 60L);
        }

        String bridge() {
            return slug + "~" + number;
        }
    }

    /** What a run did; failures make the job's run fail so that operators see them. */
    record Run(int reminded, int ended, List<String> failures) {
    }

    /** What the audit entry of an ended conference says. */
    record Ended(String bridge, LocalDateTime start, int durationMinutes, String asterisk) {
    }

    private final JdbcClient jdbc;
    private final AsteriskManager asterisk;
    private final ObjectProvider<JavaMailSender> mail;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final ConferenceScheduleProperties settings;
    private final Clock clock;

    ConferenceSchedule(JdbcClient jdbc, AsteriskManager asterisk, ObjectProvider<JavaMailSender> mail, AuditLog audit,
            TransactionTemplate transactions, ConferenceScheduleProperties settings) {
        this.jdbc = jdbc;
        this.asterisk = asterisk;
        this.mail = mail;
        this.audit = audit;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    Run run() {
        Instant now = clock.instant();
        int reminded = 0;
        int ended = 0;
        List<String> failures = new ArrayList<>();
        for (Window window : windowsAround(now)) {
            if (window.hostEmail() != null && !now.isBefore(window.startsAt().minus(settings.reminderBefore()))
                    && now.isBefore(window.startsAt()) && claim(window, "REMINDER", now)) {
                try {
                    remind(window);
                    done(window, "REMINDER", "sent to " + window.hostEmail());
                    reminded++;
                } catch (MailException | IllegalStateException e) {
                    release(window, "REMINDER");
                    failures.add("reminder for room " + window.bridge() + ": " + e.getMessage());
                }
            }
            if (!now.isBefore(window.endsAt()) && now.isBefore(window.endsAt().plus(settings.endGrace())) && claim(window, "END", now)) {
                try {
                    String outcome = end(window);
                    done(window, "END", outcome);
                    ended++;
                } catch (IOException e) {
                    release(window, "END");
                    failures.add("end of room " + window.bridge() + ": " + e.getMessage());
                }
            }
        }
        return new Run(reminded, ended, failures);
    }

    /**
     * Rooms whose window may need a reminder or an end now, with a day of slack for the time
     * zones (start times are the tenant's wall clock); the exact instants are checked in Java.
     */
    private List<Window> windowsAround(Instant now) {
        LocalDateTime utc = Utc.of(now);
        return jdbc.sql("""
                        SELECT r.id, r.tenant_id, t.slug, r.number, r.description, r.start_time, r.duration_minutes, t.time_zone,
                          t.name AS tenant_name, u.name AS host_name, u.email, u.language
                        FROM conference_room r JOIN tenant t ON t.id = r.tenant_id
                          LEFT JOIN pbx_user u ON u.tenant_id = r.tenant_id AND u.id = r.host_user_id
                        WHERE r.start_time IS NOT NULL
                          AND r.start_time > ? - INTERVAL r.duration_minutes MINUTE AND r.start_time < ?""")
                .params(utc.minusDays(1).minus(settings.endGrace()), utc.plusDays(1).plus(settings.reminderBefore()))
                .query((rs, n) -> new Window(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("slug"), rs.getString("number"),
                        rs.getString("description"), rs.getObject("start_time", LocalDateTime.class), rs.getInt("duration_minutes"),
                        ZoneId.of(rs.getString("time_zone")), rs.getString("tenant_name"), rs.getString("host_name"), rs.getString("email"),
                        rs.getString("language")))
                .list();
    }

    private boolean claim(Window window, String kind, Instant now) {
        return jdbc.sql("INSERT IGNORE INTO conference_notice (room_id, start_time, kind, state, claimed_at) VALUES (?, ?, ?, 'CLAIMED', ?)")
                .params(window.roomId(), window.start(), kind, Utc.of(now)).update() == 1;
    }

    private void done(Window window, String kind, String outcome) {
        jdbc.sql("UPDATE conference_notice SET state = 'DONE', outcome = ? WHERE room_id = ? AND start_time = ? AND kind = ?")
                .params(outcome, window.roomId(), window.start(), kind).update();
    }

    private void release(Window window, String kind) {
        jdbc.sql("DELETE FROM conference_notice WHERE room_id = ? AND start_time = ? AND kind = ? AND state = 'CLAIMED'")
                .params(window.roomId(), window.start(), kind).update();
    }

    private void remind(Window window) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no SMTP server is configured (spring.mail.host)");
        }
        Locale locale = Locale.forLanguageTag(window.hostLanguage() == null ? "en" : window.hostLanguage());
        ResourceBundle texts = ResourceBundle.getBundle("mail/conference", locale, NO_FALLBACK);
        Object[] values = {window.hostName(), window.number(), window.description() == null ? "" : window.description(),
                WHEN.format(window.start().atZone(window.zone())), window.minutes(), window.tenantName()};
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(window.hostEmail());
        message.setSubject(new MessageFormat(texts.getString("subject"), locale).format(values));
        message.setText(new MessageFormat(texts.getString("body"), locale).format(values));
        sender.send(message);
    }

    /** Ends the conference; a conference nobody is in is already over. */
    private String end(Window window) throws IOException {
        ManagerResponse response = asterisk.send(new ConfbridgeKickAction(window.bridge(), "all"));
        String outcome;
        if ("Success".equalsIgnoreCase(response.getResponse())) {
            String ended = "ended: " + response.getMessage() + hangUpWhoStayed(window);
            // conference_notice.outcome holds 1000 characters
            outcome = ended.length() > 1000 ? ended.substring(0, 997) + "..." : ended;
        } else if (NOT_RUNNING.contains(String.valueOf(response.getMessage()))) {
            return "not running";
        } else {
            throw new IOException("Asterisk refused ConfbridgeKick: " + response.getMessage());
        }
        transactions.executeWithoutResult(status -> audit.record(window.tenantId(), "CONF_END", "conference_room", window.roomId(),
                new Ended(window.bridge(), window.start(), window.minutes(), outcome)));
        return outcome;
    }

    /**
     * Kicked participants hear the kicked-out prompt and leave within seconds. One kicked while it
     * still heard its join prompts does not: app_confbridge marks it kicked, but removes only
     * channels already in the bridge, and skips kicked ones at the next kick. So whoever is still
     * in the conference after {@code kickGrace} is hung up (AMI Hangup, in the "call" class too).
     */
    private String hangUpWhoStayed(Window window) {
        long deadline = System.nanoTime() + settings.kickGrace().toNanos();
        List<String> stayed = channelsIn(window);
        while (!stayed.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "; not checked whether everyone left (interrupted)";
            }
            stayed = channelsIn(window);
        }
        StringBuilder outcome = new StringBuilder();
        for (String channel : stayed) {
            try {
                ManagerResponse answer = asterisk.send(new HangupAction(channel));
                outcome.append("Success".equalsIgnoreCase(answer.getResponse())
                        ? "; hung up " + channel + ", still in it after " + settings.kickGrace().toSeconds() + " s"
                        : "; could not hang up " + channel + ": " + answer.getMessage());
            } catch (IOException e) {
                outcome.append("; could not hang up ").append(channel).append(": ").append(e.getMessage());
            }
        }
        return outcome.toString();
    }

    /** The channels in the conference; none when Asterisk cannot be asked, as the kick was accepted. */
    private List<String> channelsIn(Window window) {
        return asterisk.conferenceChannels(window.bridge()).orElse(List.of());
    }
}
