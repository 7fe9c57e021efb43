package io.pbxctl.daemon.device;

import io.pbxctl.daemon.crud.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One SIP account of a user; its secret is stored sealed. */
@Entity
@Table(name = "device")
public class Device extends TenantEntity {

    @Column(name = "user_id")
    private Long userId;
    @Column(name = "sip_username")
    private String sipUsername;
    @Column(name = "secret_encrypted")
    private String secretEncrypted;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private DeviceKind kind;
    private String description;

    protected Device() {
    }

    Device(long tenantId) {
        super(tenantId);
    }

    void apply(DeviceRequest request) {
        userId = request.userId();
        sipUsername = request.sipUsername();
        kind = request.kind() == null ? DeviceKind.SOFTPHONE : request.kind();
        description = request.description();
    }

    void setSecretEncrypted(String secretEncrypted) {
        this.secretEncrypted = secretEncrypted;
    }

    public Long getUserId() {
        return userId;
    }

    public String getSipUsername() {
        return sipUsername;
    }

    public String getSecretEncrypted() {
        return secretEncrypted;
    }

    public DeviceKind getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }
}
