package io.pbxctl.daemon.recording;

import io.pbxctl.daemon.agi.Utc;
import io.pbxctl.daemon.audit.AuditLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes recordings older than their tenant's retention period: the file first, then the row
 * with one audit entry in the same transaction, so an interrupted run leaves at worst a row whose
 * file is already gone, which the next run deletes.
 */
@Component
class RecordingRetention {

    private static final int BATCH = 500;

    /** What the audit entry of a deletion keeps of the recording. */
    record Deleted(String reason, int retentionDays, Long userId, String callId, String filePath, LocalDateTime finishedAt,
            long sizeBytes, String mailState) {
    }

    private record Expired(long id, long tenantId, int retentionDays, Long userId, String callId, String filePath,
            LocalDateTime finishedAt, long sizeBytes, String mailState) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Path directory;
    private final Clock clock = Clock.systemUTC();

    RecordingRetention(JdbcClient jdbc, AuditLog audit, TransactionTemplate transactions, RecordingProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = transactions;
        this.directory = properties.directory().toAbsolutePath().normalize();
    }

    /** Returns how many recordings were deleted. */
    int deleteExpired() throws IOException {
        Instant now = clock.instant();
        int deleted = 0;
        List<Expired> expired;
        do {
            expired = jdbc.sql("""
                            SELECT r.id, r.tenant_id, t.recording_retention_days, r.user_id, r.call_id, r.file_path, r.finished_at,
                              r.size_bytes, r.mail_state
                            FROM recording r JOIN tenant t ON t.id = r.tenant_id
                            WHERE r.mail_state <> 'SENDING' AND r.finished_at < ? - INTERVAL t.recording_retention_days DAY
                            ORDER BY r.id LIMIT ?""")
                    .params(Utc.of(now), BATCH)
                    .query((rs, n) -> new Expired(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getObject(4, Long.class), rs.getString(5),
                            rs.getString(6), rs.getObject(7, LocalDateTime.class), rs.getLong(8), rs.getString(9)))
                    .list();
            for (Expired recording : expired) {
                Path file = directory.resolve(recording.filePath()).normalize();
                if (file.startsWith(directory)) {
                    Files.deleteIfExists(file);
                }
                deleted += transactions.execute(status -> {
                    int rows = jdbc.sql("DELETE FROM recording WHERE id = ?").param(recording.id()).update();
                    if (rows == 1) {
                        audit.record(recording.tenantId(), "DELETE", "recording", recording.id(), new Deleted("retention",
                                recording.retentionDays(), recording.userId(), recording.callId(), recording.filePath(),
                                recording.finishedAt(), recording.sizeBytes(), recording.mailState()));
                    }
                    return rows;
                });
            }
        } while (expired.size() == BATCH);
        return deleted;
    }
}
