package io.pbxctl.daemon.extension;

import io.pbxctl.daemon.crud.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An internal number of a user. */
@Entity
@Table(name = "extension")
public class Extension extends TenantEntity {

    @Column(name = "user_id")
    private Long userId;
    private String number;

    protected Extension() {
    }

    Extension(long tenantId) {
        super(tenantId);
    }

    void apply(ExtensionRequest request) {
        userId = request.userId();
        number = request.number();
    }

    public Long getUserId() {
        return userId;
    }

    public String getNumber() {
        return number;
    }
}
