package io.pbxctl.daemon.cdr;

import io.pbxctl.daemon.agi.Utc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports Asterisk's call-record file into call_record, without loss and without duplicates
 * (docs/call-history.md). Asterisk appends each record to the file itself, so nothing is lost
 * while the daemon or the database is down; the import resumes from the byte offset it stored
 * in the same transaction as the rows. The unique key on (uniqueid, sequence) makes a record
 * read twice (after a truncation, or by a second daemon) count once. A renamed (rotated) file
 * is found again by its inode and read to its end before the new file starts.
 */
@Component
class CdrImporter {

    private static final Logger log = LoggerFactory.getLogger(CdrImporter.class);
    private static final int MAX_READ = 4 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CallEnricher enricher;
    private final CdrProperties properties;

    CdrImporter(JdbcClient jdbc, TransactionTemplate transactions, CallEnricher enricher, CdrProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.enricher = enricher;
        this.properties = properties;
    }

    private record Position(String fileKey, long offset) {
    }

    private record FileState(String key, long size) {
    }

    private record Step(int stored, boolean more) {
    }

    @Scheduled(initialDelayString = "${pbx.cdr.poll-interval:PT2S}", fixedDelayString = "${pbx.cdr.poll-interval:PT2S}")
    void poll() {
        Path dir = properties.file().toAbsolutePath().getParent();
        if (!properties.importEnabled() || dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try {
            importFile(properties.file());
        } catch (RuntimeException e) {
            log.warn("Call records of {} not imported yet, retrying at the next poll: {}", properties.file(), e.toString());
        }
    }

    /** Imports every whole record of the file (and of its rotated predecessor) not imported yet; returns how many were new. */
    int importFile(Path file) {
        int stored = 0;
        Step step;
        do {
            step = transactions.execute(status -> step(file));
            stored += step.stored();
        } while (step.more());
        return stored;
    }

    private Step step(Path file) {
        String source = file.toAbsolutePath().normalize().toString();
        Position position = lock(source);
        Optional<FileState> current = state(file);
        if (position.fileKey() != null && current.map(c -> !c.key().equals(position.fileKey())).orElse(true)) {
            Optional<Path> rotated = findByKey(file, position.fileKey());
            if (rotated.isPresent()) {
                Chunk chunk = read(rotated.get(), position.offset());
                if (!chunk.rows().isEmpty() || chunk.end() > position.offset()) {
                    int stored = store(chunk);
                    save(source, position.fileKey(), chunk.end());
                    return new Step(stored, true);
                }
            } else if (current.isPresent()) {
                log.error("{} was replaced and its previous file (inode {}) is gone: records after byte {} of it were not imported",
                        file, position.fileKey(), position.offset());
            }
            if (current.isEmpty()) {
                return new Step(0, false);
            }
            save(source, current.get().key(), 0);
            return new Step(0, true);
        }
        if (current.isEmpty()) {
            return new Step(0, false);
        }
        long offset = position.offset();
        if (current.get().size() < offset) {
            log.warn("{} is shorter than the {} bytes already imported (truncated in place?): reading it again from the start", file,
                    offset);
            offset = 0;
        }
        Chunk chunk = read(file, offset);
        int stored = store(chunk);
        save(source, current.get().key(), chunk.end());
        return new Step(stored, chunk.full());
    }

    private Position lock(String source) {
        jdbc.sql("INSERT IGNORE INTO cdr_import_position (source, file_key, byte_offset, updated_at) VALUES (?, NULL, 0, ?)")
                .param(source).param(Utc.of(Instant.now())).update();
        return jdbc.sql("SELECT file_key, byte_offset FROM cdr_import_position WHERE source = ? FOR UPDATE").param(source)
                .query((rs, n) -> new Position(rs.getString(1), rs.getLong(2))).single();
    }

    private void save(String source, String fileKey, long offset) {
        jdbc.sql("UPDATE cdr_import_position SET file_key = ?, byte_offset = ?, updated_at = ? WHERE source = ?")
                .param(fileKey).param(offset).param(Utc.of(Instant.now())).param(source).update();
    }

    /** The whole records from {@code offset} on (at most one batch), enriched, and the offset after the last one. */
    private record Chunk(List<CallRow> rows, long end, boolean full) {
    }

    private Chunk read(Path file, long offset) {
        byte[] bytes;
        int length = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(MAX_READ, Math.max(0, channel.size() - offset)));
            int read;
            do {
                read = channel.read(buffer, offset + buffer.position());
            } while (read > 0 && buffer.hasRemaining());
            bytes = buffer.array();
            length = buffer.position();
        } catch (NoSuchFileException e) {
            return new Chunk(List.of(), offset, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        DsvReader.Chunk records = DsvReader.read(bytes, length, properties.batchSize());
        if (records.records().isEmpty() && length == MAX_READ) {
            throw new IllegalStateException(file + " has no record end in the " + MAX_READ + " bytes after byte " + offset);
        }
        List<CallRow> rows = new ArrayList<>();
        for (List<String> fields : records.records()) {
            try {
                enricher.enrich(RawCdr.of(fields)).ifPresentOrElse(rows::add,
                        () -> log.debug("Call record {} belongs to no tenant: not stored", fields.get(0)));
            } catch (IllegalArgumentException | DateTimeException e) {
                log.error("A call record in bytes {} to {} of {} is not in the expected format and was skipped ({}): {}", offset,
                        offset + records.consumed(), file, e.getMessage(), fields);
            }
        }
        return new Chunk(rows, offset + records.consumed(), records.records().size() == properties.batchSize());
    }

    private int store(Chunk chunk) {
        int stored = 0;
        Set<String> counted = new HashSet<>();
        for (CallRow row : chunk.rows()) {
            boolean firstLeg = !counted.contains(row.cdr().uniqueid()) && !jdbc.sql(
                    "SELECT EXISTS (SELECT 1 FROM call_record WHERE uniqueid = ?)").param(row.cdr().uniqueid()).query(Boolean.class).single();
            if (CallRecords.insert(jdbc, row) == 1) {
                stored++;
                counted.add(row.cdr().uniqueid());
                CallRecords.count(jdbc, row, firstLeg);
                CallRecords.listNumbers(jdbc, row);
            }
        }
        return stored;
    }

    private static Optional<FileState> state(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new FileState(String.valueOf(attributes.fileKey()), attributes.size()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + file, e);
        }
    }

    /** A file beside {@code file} whose name starts with its name (pbx-cdr.csv.1, pbx-cdr.csv-20261122) and that has this identity. */
    private static Optional<Path> findByKey(Path file, String key) {
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(name) && !p.getFileName().toString().equals(name))
                    .filter(p -> state(p).map(s -> s.key().equals(key)).orElse(false))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
