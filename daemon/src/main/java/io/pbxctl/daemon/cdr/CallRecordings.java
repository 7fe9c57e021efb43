package io.pbxctl.daemon.cdr;

import io.pbxctl.daemon.agi.Utc;
import io.pbxctl.daemon.audit.AuditLog;
import io.pbxctl.daemon.recording.Recordings;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.system.NotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recording of a call in someone's history, for the API and the portal's player. The call is
 * looked up inside the caller's HistoryScope, so whoever may not see a call in the history gets
 * 404 for its recording as well; the file is reached only through the recording's row. Every
 * access is audited, once per login, recording and {@link #AUDIT_WINDOW}: a player asks for a
 * byte range at each seek, and an entry per request would bury the one that matters.
 */
@Service
class CallRecordings {

    static final Duration AUDIT_WINDOW = Duration.ofMinutes(10);
    static final String AUDIT_ACTION = "PLAY";
    /** What MixMonitor writes for a .wav name: Asterisk's wav format, 16-bit linear PCM in a RIFF container. */
    static final MediaType WAV = MediaType.parseMediaType("audio/wav");

    /** What the audit entry of an access keeps: which call, which file, and through what. */
    record Played(long callRecordId, String callId, String filePath, String via) {
    }

    private record Call(String recordingFile, Instant endedAt) {
    }

    private final JdbcClient jdbc;
    private final Recordings recordings;
    private final AuditLog audit;
    private final Access access;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    CallRecordings(JdbcClient jdbc, Recordings recordings, AuditLog audit, Access access, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.recordings = recordings;
        this.audit = audit;
        this.access = access;
        this.transactions = transactions;
    }

    /** The WAV file of the call's recording; Spring answers a Range request with 206 and the bytes asked for. */
    ResponseEntity<Resource> serve(HistoryScope.Scope scope, long callRecordId, String via) {
        HistoryFilter visible = HistoryFilter.of(scope, Map.of(), Set.of());
        Call call = jdbc.sql("SELECT r.recording_file, r.ended_at FROM call_record r WHERE " + visible.where() + " AND r.id = :call")
                .params(visible.params()).param("call", callRecordId)
                .query((rs, n) -> new Call(rs.getString(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .optional()
                .orElseThrow(() -> new NotFound("call", callRecordId));
        if (call.recordingFile() == null) {
            throw new NotFound("call " + callRecordId + " was not recorded");
        }
        Recordings.Playable recording = recordings.playable(scope.tenantId(), call.recordingFile(), call.endedAt());
        transactions.executeWithoutResult(status -> {
            if (!auditedRecently(recording.id())) {
                audit.record(scope.tenantId(), AUDIT_ACTION, "recording", recording.id(),
                        new Played(callRecordId, recording.callId(), recording.filePath(), via));
            }
        });
        return ResponseEntity.ok()
                .contentType(WAV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("recording-" + recording.callId() + ".wav").build().toString())
                .body(new FileSystemResource(recording.file()));
    }

    private boolean auditedRecently(long recordingId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM audit_entry WHERE entity_type = 'recording' AND entity_id = ? AND action = ?
                          AND actor = ? AND at > ?)""")
                .params(recordingId, AUDIT_ACTION, access.actorName(), Utc.of(clock.instant().minus(AUDIT_WINDOW)))
                .query(Boolean.class).single();
    }
}
