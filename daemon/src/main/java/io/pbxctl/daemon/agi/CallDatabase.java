package io.pbxctl.daemon.agi;

import com.zaxxer.hikari.HikariDataSource;
import io.pbxctl.daemon.system.PbxProperties;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database as call-time decisions use it: a pool of its own, so that admin traffic never
 * starves calls, with short connection and socket timeouts, so that a stopped or hung database
 * turns into a quick refusal instead of a call left waiting.
 */
@Component
public class CallDatabase implements AutoCloseable {

    private final HikariDataSource pool;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    CallDatabase(DataSource main, PbxProperties properties) {
        HikariDataSource model = (HikariDataSource) main;
        PbxProperties.FastAgi settings = properties.fastagi();
        long timeoutMs = settings.databaseTimeout().toMillis();
        pool = new HikariDataSource();
        pool.setPoolName("pbx-calls");
        pool.setJdbcUrl(model.getJdbcUrl());
        pool.setUsername(model.getUsername());
        pool.setPassword(model.getPassword());
        pool.setMaximumPoolSize(settings.databasePoolSize());
        pool.setMinimumIdle(Math.min(4, settings.databasePoolSize()));
        pool.setConnectionTimeout(Math.max(250, timeoutMs));
        pool.setValidationTimeout(Math.max(250, Math.min(timeoutMs, 1000)));
        // Started lazily: the daemon must come up (and refuse calls) even while the database is down.
        pool.setInitializationFailTimeout(-1);
        pool.addDataSourceProperty("connectTimeout", String.valueOf(timeoutMs));
        pool.addDataSourceProperty("socketTimeout", String.valueOf(timeoutMs));
        // The server gives up a lock wait before the client's socket timeout does: a reservation batch commits inside its
        // procedure, so one that waited past the client's timeout would still be committed for calls already refused.
        pool.setConnectionInitSql("SET SESSION innodb_lock_wait_timeout = " + lockWaitSeconds(timeoutMs));
        JdbcTemplate template = new JdbcTemplate(pool);
        // Spring's default translates by SQL state, which leaves MariaDB's lock wait timeout (1205, state HY000)
        // uncategorised; by error code it is a CannotAcquireLockException, which the reservation writers split batches on.
        template.setExceptionTranslator(new SQLErrorCodeSQLExceptionTranslator("MariaDB"));
        jdbc = JdbcClient.create(template);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
    }

    /** Whole seconds (InnoDB's unit) below the socket timeout, and at least one. */
    static long lockWaitSeconds(long timeoutMs) {
        return Math.max(1, (timeoutMs - 1) / 1000);
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public TransactionTemplate transactions() {
        return transactions;
    }

    @Override
    public void close() {
        pool.close();
    }
}
