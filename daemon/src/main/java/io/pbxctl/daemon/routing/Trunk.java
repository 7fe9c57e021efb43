package io.pbxctl.daemon.routing;

import io.pbxctl.daemon.crud.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A SIP trunk of a tenant towards a carrier. */
@Entity
@Table(name = "trunk")
public class Trunk extends TenantEntity {

    private String name;
    private String host;
    private int port;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private TrunkTransport transport;
    private boolean registration;
    private String username;
    @Column(name = "secret_encrypted")
    private String secretEncrypted;

    protected Trunk() {
    }

    Trunk(long tenantId) {
        super(tenantId);
    }

    void apply(TrunkRequest request) {
        name = request.name();
        host = request.host();
        port = request.port() == null ? 5060 : request.port();
        transport = request.transport() == null ? TrunkTransport.UDP : request.transport();
        registration = Boolean.TRUE.equals(request.registration());
        username = request.username();
    }

    void setSecretEncrypted(String secretEncrypted) {
        this.secretEncrypted = secretEncrypted;
    }

    TrunkView view() {
        return new TrunkView(getId(), name, host, port, transport, registration, username, secretEncrypted != null, getUpdatedAt());
    }

    public String getName() {
        return name;
    }

    public String getSecretEncrypted() {
        return secretEncrypted;
    }
}
