package io.pbxctl.daemon.system;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A MariaDB run by the operator: one URL, user and password (PBX_DB_URL, PBX_DB_USERNAME, PBX_DB_PASSWORD). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${pbx.db.url:}'.isBlank()")
class ExternalDatabaseConfiguration {

    @Bean
    DataSource dataSource(PbxProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(properties.db().url());
        dataSource.setUsername(properties.db().username());
        dataSource.setPassword(properties.db().password());
        dataSource.setPoolName("pbx");
        return dataSource;
    }
}
