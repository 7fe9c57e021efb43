package io.pbxctl.daemon;

import io.pbxctl.daemon.system.PbxProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes the embedded MariaDB (about 350 MB of binaries and data) of a test context's
 * throw-away data directory ({@code application-test.properties}: {@code pbxctl-test-<uuid>}
 * under the temporary directory) when the context closes, after the database has stopped: left
 * behind, one run of the suite leaves about 3.5 GB (ten contexts). Nothing else writes there
 * once the database has stopped, unlike the generated configuration beside it (a few
 * kilobytes, left alone).
 */
@Configuration(proxyBeanMethods = false)
class TestDataDirectoryCleanup {

    private static final String EMBEDDED_DATABASE = "embeddedMariaDb";
    private static final String CLEANUP = "testDataDirectory";

    /** The database bean depends on the cleanup, so the context stops the database first and deletes the directory after. */
    @Bean
    static BeanFactoryPostProcessor embeddedDatabaseStopsBeforeItsDirectoryIsDeleted() {
        return factory -> {
            if (factory.containsBeanDefinition(EMBEDDED_DATABASE)) {
                BeanDefinition database = factory.getBeanDefinition(EMBEDDED_DATABASE);
                String[] before = database.getDependsOn() == null ? new String[0] : database.getDependsOn();
                String[] after = Stream.concat(Stream.of(before), Stream.of(CLEANUP)).toArray(String[]::new);
                database.setDependsOn(after);
            }
        };
    }

    @Bean(name = CLEANUP)
    AutoCloseable testDataDirectory(PbxProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        boolean throwAway = dataDir.getParent() != null && dataDir.getParent().equals(temporary)
                && dataDir.getFileName().toString().startsWith("pbxctl-test-");
        Path database = dataDir.resolve("mariadb");
        return () -> {
            if (throwAway && Files.isDirectory(database)) {
                delete(database);
            }
        };
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
