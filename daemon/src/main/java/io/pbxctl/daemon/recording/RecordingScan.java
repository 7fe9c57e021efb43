package io.pbxctl.daemon.recording;

import io.pbxctl.daemon.agi.Utc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Registers finished recordings. MixMonitor's command creates {@code <file>.done} once it has
 * closed the file (the dialplan's {@code [pbx-record]}), so a marker is the "finished" signal: the
 * scan never reads a file that is still being written. Each marker becomes one {@code recording}
 * row (the file path is unique, so a second scan or daemon adds nothing) and is then removed.
 * Markers of files that are not ours are renamed {@code .ignored}, so they are reported once.
 */
@Component
class RecordingScan {

    private static final Logger log = LoggerFactory.getLogger(RecordingScan.class);
    static final String IGNORED_SUFFIX = ".ignored";

    private final JdbcClient jdbc;
    private final Path directory;
    private final Clock clock = Clock.systemUTC();

    RecordingScan(JdbcClient jdbc, RecordingProperties properties) {
        this.jdbc = jdbc;
        this.directory = properties.directory().toAbsolutePath().normalize();
    }

    /** Returns how many recordings were registered. */
    int scan() throws IOException {
        Path root = directory.resolve("pbx");
        if (!Files.isDirectory(root)) {
            return 0;
        }
        List<Path> markers;
        try (Stream<Path> files = Files.walk(root, 5)) {
            markers = files.filter(p -> p.getFileName().toString().endsWith(".wav" + RecordingFile.MARKER_SUFFIX))
                    .filter(Files::isRegularFile).sorted().toList();
        }
        int registered = 0;
        for (Path marker : markers) {
            try {
                registered += register(marker) ? 1 : 0;
            } catch (IOException | UncheckedIOException e) {
                log.warn("could not register the recording of {}: {}", marker, e.getMessage());
            }
        }
        return registered;
    }

    private boolean register(Path marker) throws IOException {
        String markerName = marker.getFileName().toString();
        Path wav = marker.resolveSibling(markerName.substring(0, markerName.length() - RecordingFile.MARKER_SUFFIX.length()));
        String relative = directory.relativize(wav).toString().replace('\\', '/');
        Optional<RecordingFile> parsed = RecordingFile.parse(relative);
        Optional<Owner> owner = parsed.flatMap(this::owner);
        if (owner.isEmpty() || !Files.isRegularFile(wav)) {
            log.warn("ignoring the recording marker {}: not a recording of a known tenant and user, or its file is missing", marker);
            Files.move(marker, marker.resolveSibling(markerName + IGNORED_SUFFIX));
            return false;
        }
        RecordingFile file = parsed.get();
        long size = Files.size(wav);
        int duration = RecordingFile.durationSeconds(wav);
        Instant finished = Files.getLastModifiedTime(marker).toInstant();
        Instant now = clock.instant();
        String state = duration == 0 ? "EMPTY" : "PENDING";
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO recording (tenant_id, user_id, call_id, owner_kind, file_path, size_bytes, duration_seconds,
                          started_at, finished_at, registered_at, mail_state, next_attempt_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(owner.get().tenantId(), owner.get().userId(), file.callId(), file.ownerKind().name(), relative, size, duration,
                        Utc.of(finished.minusSeconds(duration)), Utc.of(finished), Utc.of(now), state,
                        state.equals("PENDING") ? Utc.of(now) : null)
                .update();
        Files.deleteIfExists(marker);
        return inserted == 1;
    }

    private record Owner(long tenantId, long userId) {
    }

    private Optional<Owner> owner(RecordingFile file) {
        String sql = file.ownerKind() == RecordingFile.OwnerKind.CALLEE
                ? "SELECT u.tenant_id, u.id FROM pbx_user u JOIN tenant t ON t.id = u.tenant_id WHERE t.slug = ? AND u.id = ?"
                : "SELECT d.tenant_id, d.user_id FROM device d JOIN tenant t ON t.id = d.tenant_id WHERE t.slug = ? AND d.sip_username = ?";
        return jdbc.sql(sql).params(file.tenantSlug(), file.owner()).query((rs, n) -> new Owner(rs.getLong(1), rs.getLong(2))).optional();
    }
}
