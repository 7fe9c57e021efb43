package io.pbxctl.daemon.greeting;

import io.pbxctl.daemon.audit.AuditLog;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.tenant.Tenant;
import io.pbxctl.daemon.tenant.Tenants;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant's greeting: a WAV or MP3 upload, checked by its content, converted by sox (run
 * directly, without a shell, and stopped after a timeout) to the 8 kHz mono 16-bit WAV that
 * Asterisk plays, and put where the dialplan's [pbx-greeting] looks for it:
 * {@code <dir>/<slug>.wav}, replaced atomically.
 */
@Service
class Greetings {

    private static final Logger log = LoggerFactory.getLogger(Greetings.class);

    private final GreetingProperties settings;
    private final Tenants tenants;
    private final Access access;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    Greetings(GreetingProperties settings, Tenants tenants, Access access, AuditLog audit, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.settings = settings;
        this.tenants = tenants;
        this.access = access;
        this.audit = audit;
    }

    /** Whether the tenant has a greeting now. */
    boolean exists(long tenantId) {
        access.requireTenantAdmin(tenantId);
        return Files.isRegularFile(file(tenants.require(tenantId)));
    }

    void upload(long tenantId, long size, InputStream content) {
        access.requireTenantAdmin(tenantId);
        Tenant tenant = tenants.require(tenantId);
        if (size <= 0) {
            throw new FieldProblem("file", "Required", "choose a WAV or MP3 file");
        }
        if (size > settings.maxBytes()) {
            throw new FieldProblem("file", "TooLarge", "must be at most " + settings.maxBytes() / (1024 * 1024) + " MB");
        }
        try {
            Files.createDirectories(settings.dir());
            Path upload = Files.createTempFile(settings.dir(), ".upload-", ".tmp");
            Path converted = settings.dir().resolve(".converted-" + upload.getFileName() + ".wav");
            try {
                long copied = copyAtMost(content, upload);
                AudioKind kind = kind(upload).orElseThrow(() -> new FieldProblem("file", "AudioFormat", "is not a WAV or MP3 file"));
                convert(kind, upload, converted);
                // The conversion runs outside any transaction; the audit entry and the file's replacement go together.
                transactions.executeWithoutResult(status -> {
                    audit.record(tenantId, "GREETING_UPLOAD", "greeting", null, Map.of("format", kind.name(), "bytes", copied));
                    try {
                        Files.move(converted, file(tenant), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException e) {
                        throw new UncheckedIOException("could not replace the greeting in " + settings.dir(), e);
                    }
                });
            } finally {
                Files.deleteIfExists(upload);
                Files.deleteIfExists(converted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the greeting in " + settings.dir(), e);
        }
    }

    private Path file(Tenant tenant) {
        return settings.dir().resolve(tenant.getSlug() + ".wav");
    }

    /** The declared size can lie: the copy stops one byte past the limit and refuses. */
    private long copyAtMost(InputStream content, Path target) throws IOException {
        try (InputStream limited = content; var out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = limited.read(buffer)) >= 0) {
                total += read;
                if (total > settings.maxBytes()) {
                    throw new FieldProblem("file", "TooLarge", "must be at most " + settings.maxBytes() / (1024 * 1024) + " MB");
                }
                out.write(buffer, 0, read);
            }
            return total;
        }
    }

    private static Optional<AudioKind> kind(Path upload) throws IOException {
        try (InputStream in = Files.newInputStream(upload)) {
            return AudioKind.of(in.readNBytes(12));
        }
    }

    private void convert(AudioKind kind, Path from, Path to) throws IOException {
        List<String> command = List.of(settings.sox(), "--no-show-progress", "-t", kind.soxType(), from.toString(),
                "-r", "8000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "wav", to.toString());
        Path messages = Files.createTempFile(settings.dir(), ".sox-", ".log");
        try {
            Process sox;
            try {
                sox = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(messages.toFile()).start();
            } catch (IOException e) {
                throw new IllegalStateException("sox cannot be started (" + settings.sox() + "): install the Debian packages sox and"
                        + " libsox-fmt-mp3", e);
            }
            if (!sox.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                sox.destroyForcibly();
                throw new FieldProblem("file", "Unreadable", "could not be converted in " + settings.timeout().toSeconds() + " s");
            }
            if (sox.exitValue() != 0 || !Files.isRegularFile(to) || Files.size(to) <= 44) {
                log.info("sox refused a greeting upload ({}): {}", kind, Files.readString(messages, StandardCharsets.UTF_8).strip());
                throw new FieldProblem("file", "Unreadable", "could not be read as " + kind + " audio");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while converting a greeting", e);
        } finally {
            Files.deleteIfExists(messages);
        }
    }
}
