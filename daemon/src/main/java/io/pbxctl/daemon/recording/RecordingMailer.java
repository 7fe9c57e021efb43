package io.pbxctl.daemon.recording;

import io.pbxctl.daemon.agi.Utc;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails registered recordings to their user's recording e-mail. A daemon first claims a row with
 * a conditional UPDATE (PENDING to SENDING), so two daemons never send the same recording; a
 * failed send goes back to PENDING with a doubling delay, and a claim that was never confirmed
 * (the daemon stopped while sending) is given up rather than risk a second mail. A recording is
 * not due before its call record is imported (the mail's numbers), or callRecordWait after its
 * registration at the latest: waiting changes no state, so it can neither lose nor repeat a mail.
 */
@Component
class RecordingMailer {

    private static final int BATCH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One round: what was sent and the failures, for the job's status. */
    record Round(int sent, List<String> failures) {
    }

    private record Due(long id, long tenantId, String filePath, long sizeBytes, int durationSeconds, Instant started, String callId,
            String ownerKind, int attempts, String userName, String userLanguage, String address, String tenantName, String zone) {
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mail;
    private final RecordingProperties settings;
    private final Path directory;
    private final Clock clock;
    private final String instance;

    RecordingMailer(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, RecordingProperties settings) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.settings = settings;
        this.directory = settings.directory().toAbsolutePath().normalize();
        this.clock = Clock.systemUTC();
        this.instance = "daemon-" + ProcessHandle.current().pid() + "-" + Long.toHexString(RANDOM.nextLong());
    }

    Round sendDue() {
        Instant now = clock.instant();
        jdbc.sql("UPDATE recording SET mail_state = 'FAILED', last_error = ? WHERE mail_state = 'SENDING' AND claimed_at < ?")
                .params("the daemon sending it stopped before the server confirmed; not sent again so that it is never mailed twice",
                        Utc.of(now.minus(settings.sendTimeout())))
                .update();
        List<Long> due = jdbc.sql("""
                        SELECT r.id FROM recording r
                        WHERE r.mail_state = 'PENDING' AND r.next_attempt_at <= ? AND r.deleted_at IS NULL
                          AND (r.registered_at <= ? OR EXISTS (SELECT 1 FROM call_record c WHERE c.uniqueid = r.call_id
                            AND c.tenant_id = r.tenant_id))
                        ORDER BY r.next_attempt_at LIMIT\s""" + BATCH)
                .params(Utc.of(now), Utc.of(now.minus(settings.callRecordWait()))).query(Long.class).list();
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return new Round(0, due.isEmpty() ? List.of()
                    : List.of("no SMTP server is configured (spring.mail.host): " + due.size() + " or more recordings are waiting"));
        }
        int sent = 0;
        List<String> failures = new ArrayList<>();
        for (long id : due) {
            if (!claim(id, now)) {
                continue;
            }
            Optional<String> failure = send(sender, load(id));
            if (failure.isEmpty()) {
                sent++;
            } else {
                failures.add("recording " + id + ": " + failure.get());
            }
        }
        return new Round(sent, failures);
    }

    private boolean claim(long id, Instant now) {
        return jdbc.sql("UPDATE recording SET mail_state = 'SENDING', claimed_by = ?, claimed_at = ?, mail_attempts = mail_attempts + 1 "
                        + "WHERE id = ? AND mail_state = 'PENDING'")
                .params(instance, Utc.of(now), id).update() == 1;
    }

    private Due load(long id) {
        return jdbc.sql("""
                        SELECT r.id, r.tenant_id, r.file_path, r.size_bytes, r.duration_seconds, r.started_at, r.call_id, r.owner_kind,
                          r.mail_attempts, u.name AS user_name, u.language, u.recording_email, t.name AS tenant_name, t.time_zone
                        FROM recording r JOIN tenant t ON t.id = r.tenant_id LEFT JOIN pbx_user u ON u.id = r.user_id
                        WHERE r.id = ?""")
                .param(id)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("file_path"), rs.getLong("size_bytes"),
                        rs.getInt("duration_seconds"), rs.getObject("started_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getString("call_id"), rs.getString("owner_kind"), rs.getInt("mail_attempts"), rs.getString("user_name"),
                        rs.getString("language"), rs.getString("recording_email"), rs.getString("tenant_name"), rs.getString("time_zone")))
                .single();
    }

    /**
     * The call as the user saw it, from its records. MixMonitor ran on the channel whose unique id
     * the recording carries, and each record of that channel is one leg: a device that rang, a
     * carrier tried before failing over, the one that answered. The recording ('b': only while
     * bridged) holds the answered leg's conversation, so that leg describes the call; without
     * one (the record of a leg answered elsewhere), the longest, then the first.
     */
    private Optional<RecordingMailText.Details> details(long tenantId, String callId) {
        return jdbc.sql("""
                        SELECT c.started_at, c.direction, c.talk_seconds, c.caller_number, c.caller_name, c.dialled_number,
                          u.name AS user_name, pu.name AS peer_name
                        FROM call_record c LEFT JOIN pbx_user u ON u.id = c.user_id LEFT JOIN pbx_user pu ON pu.id = c.peer_user_id
                        WHERE c.uniqueid = ? AND c.tenant_id = ?
                        ORDER BY c.disposition = 'ANSWERED' DESC, c.talk_seconds DESC, c.sequence
                        LIMIT 1""")
                .params(callId, tenantId)
                .query((rs, n) -> {
                    String direction = rs.getString("direction");
                    boolean inbound = direction.equals("INBOUND");
                    String callerName = rs.getString("caller_name");
                    return new RecordingMailText.Details(rs.getObject("started_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                            rs.getString("caller_number"), callerName.isBlank() && !inbound ? rs.getString("user_name") : callerName,
                            rs.getString("dialled_number"), inbound ? rs.getString("user_name") : rs.getString("peer_name"), direction,
                            rs.getInt("talk_seconds"));
                })
                .optional();
    }

    /** Sends one claimed recording; empty when sent, else why not. */
    private Optional<String> send(JavaMailSender sender, Due due) {
        if (due.address() == null || due.address().isBlank()) {
            finish(due.id(), "NO_ADDRESS", null, null);
            return Optional.empty();
        }
        Path file = directory.resolve(due.filePath()).normalize();
        if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
            finish(due.id(), "FAILED", null, "the recording file is gone");
            return Optional.of("the recording file is gone");
        }
        RecordingMailText text = new RecordingMailText(due.userLanguage());
        RecordingMailText.Call call = new RecordingMailText.Call(due.userName(), due.tenantName(), due.started(), due.durationSeconds(),
                RecordingFile.OwnerKind.valueOf(due.ownerKind()), due.callId(), ZoneId.of(due.zone()),
                details(due.tenantId(), due.callId()).orElse(null));
        try {
            MimeMessage message = sender.createMimeMessage();
            boolean attach = due.sizeBytes() <= settings.mailAttachMaxBytes();
            MimeMessageHelper helper = new MimeMessageHelper(message, attach, "UTF-8");
            helper.setFrom(settings.mailFrom());
            helper.setTo(due.address());
            helper.setSubject(text.subject(call));
            if (attach) {
                helper.setText(text.body(call, null, null));
                helper.addAttachment("recording-" + due.callId() + ".wav", new FileSystemResource(file), "audio/wav");
            } else {
                Instant expires = clock.instant().plus(settings.linkLifetime());
                String token = newLink(due.id(), expires);
                String link = settings.linkBaseUrl().toString().replaceAll("/+$", "") + RecordingDownloadController.PATH + token;
                helper.setText(text.body(call, link, expires));
            }
            sender.send(message);
        } catch (MailException | MessagingException e) {
            return retry(due, e.getMessage());
        }
        jdbc.sql("UPDATE recording SET mail_state = 'SENT', mailed_at = ?, mailed_to = ?, last_error = NULL WHERE id = ?")
                .params(Utc.of(clock.instant()), due.address(), due.id()).update();
        return Optional.empty();
    }

    private Optional<String> retry(Due due, String error) {
        String message = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        if (due.attempts() >= settings.maxAttempts()) {
            finish(due.id(), "FAILED", null, message);
            return Optional.of(message + " (given up after " + due.attempts() + " attempts)");
        }
        Duration delay = backoff(settings.retryInitial(), settings.retryMax(), due.attempts());
        finish(due.id(), "PENDING", clock.instant().plus(delay), message);
        return Optional.of(message + " (next attempt in " + delay.toSeconds() + " s)");
    }

    /** The delay after the given number of failed attempts: initial, doubling, at most max. */
    static Duration backoff(Duration initial, Duration max, int attempts) {
        Duration delay = initial;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private void finish(long id, String state, Instant next, String error) {
        jdbc.sql("UPDATE recording SET mail_state = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(state, next == null ? null : Utc.of(next), error, id).update();
    }

    /** A new random link for the recording; only its SHA-256 is stored. */
    private String newLink(long id, Instant expires) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("UPDATE recording SET link_token_sha256 = ?, link_expires_at = ? WHERE id = ?")
                .params(sha256(token), Utc.of(expires), id).update();
        return token;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
