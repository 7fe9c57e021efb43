package io.pbxctl.daemon.recording;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The download link of a recording too large to attach. The link is the only credential, so it
 * is a 256-bit random token that expires; the request never names a file: the token's hash finds
 * the row, and the row's path (written by the scan) the file, which must lie in the directory.
 */
@RestController
@Tag(name = "Recordings")
class RecordingDownloadController {

    static final String PATH = "/recordings/download/";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private record Link(long id, String callId, String filePath, LocalDateTime expiresAt, LocalDateTime deletedAt) {
    }

    private final JdbcClient jdbc;
    private final Path directory;
    private final Clock clock = Clock.systemUTC();

    RecordingDownloadController(JdbcClient jdbc, RecordingProperties properties) {
        this.jdbc = jdbc;
        this.directory = properties.directory().toAbsolutePath().normalize();
    }

    @GetMapping(PATH + "{token}")
    @Operation(summary = "A recording by the link of its mail (no login: the link is the credential, until it expires)")
    ResponseEntity<Resource> download(@PathVariable String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such recording link");
        }
        Link link = jdbc.sql("SELECT id, call_id, file_path, link_expires_at, deleted_at FROM recording WHERE link_token_sha256 = ?")
                .param(RecordingMailer.sha256(token))
                .query((rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDateTime.class),
                        rs.getObject(5, LocalDateTime.class)))
                .optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such recording link"));
        if (link.deletedAt() != null || link.expiresAt() == null || !link.expiresAt().toInstant(ZoneOffset.UTC).isAfter(clock.instant())) {
            throw new ResponseStatusException(HttpStatus.GONE, "this recording link has expired");
        }
        Path file = directory.resolve(link.filePath()).normalize();
        if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
            throw new ResponseStatusException(HttpStatus.GONE, "the recording no longer exists");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("audio/wav"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("recording-" + link.callId() + ".wav").build().toString())
                .body(new FileSystemResource(file));
    }
}
