package io.pbxctl.daemon.recording;

import io.pbxctl.daemon.system.Gone;
import io.pbxctl.daemon.system.NotFound;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recordings as the call history plays them. A call record names the file the dialplan recorded
 * to; this finds the registered row of that file in the same tenant, and the file only through
 * the row and inside the recordings directory, and says plainly why a recording cannot be played.
 */
@Component
public class Recordings {

    /** A recording that can be played: its row, Asterisk's call id, and the file. */
    public record Playable(long id, String callId, String filePath, Path file) {
    }

    private record Row(long id, String callId, String filePath, int durationSeconds, LocalDateTime deletedAt) {
    }

    private final JdbcClient jdbc;
    private final Path directory;
    private final Duration scanInterval;
    private final Clock clock = Clock.systemUTC();

    Recordings(JdbcClient jdbc, RecordingProperties properties) {
        this.jdbc = jdbc;
        this.directory = properties.directory().toAbsolutePath().normalize();
        this.scanInterval = properties.scanInterval();
    }

    /**
     * The recording of a call of the tenant that the dialplan recorded to {@code filePath}
     * (call_record.recording_file); {@code callEnded} tells a recording that retention deleted
     * (410) from one not registered yet (404).
     */
    public Playable playable(long tenantId, String filePath, Instant callEnded) {
        Row row = jdbc.sql("SELECT id, call_id, file_path, duration_seconds, deleted_at FROM recording WHERE file_path = ? AND tenant_id = ?")
                .params(filePath, tenantId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, LocalDateTime.class)))
                .optional()
                .orElseThrow(() -> missing(tenantId, callEnded));
        if (row.deletedAt() != null) {
            throw new Gone("the recording of this call was deleted");
        }
        if (row.durationSeconds() == 0) {
            throw new NotFound("the recording of this call is empty: the call was never answered, so nothing was recorded");
        }
        Path file = directory.resolve(row.filePath()).normalize();
        if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
            throw new Gone("the file of this call's recording no longer exists in the recordings directory");
        }
        return new Playable(row.id(), row.callId(), row.filePath(), file);
    }

    /** Retention deletes the row with the file, so a call older than the period lost its recording; a newer one awaits the scan. */
    private RuntimeException missing(long tenantId, Instant callEnded) {
        int retentionDays = jdbc.sql("SELECT recording_retention_days FROM tenant WHERE id = ?").param(tenantId).query(Integer.class)
                .single();
        if (callEnded.isBefore(clock.instant().minus(Duration.ofDays(retentionDays)))) {
            return new Gone("the recording of this call was deleted after the tenant's retention period of " + retentionDays + " days");
        }
        return new NotFound("the recording of this call is not available: the daemon registers a recording within "
                + scanInterval.toSeconds() + " s of Asterisk closing its file, and never one whose file Asterisk did not close");
    }
}
