package io.pbxctl.daemon.numbering;

import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.daemon.crud.TenantEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A prefix a tenant adds to its country's plan. */
@Entity
@Table(name = "tenant_prefix")
public class TenantPrefix extends TenantEntity {

    private String prefix;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Direction direction;
    private String description;

    protected TenantPrefix() {
    }

    TenantPrefix(long tenantId) {
        super(tenantId);
    }

    void apply(TenantPrefixRequest request) {
        prefix = request.prefix();
        direction = request.direction();
        description = request.description();
    }

    TenantPrefixView view() {
        return new TenantPrefixView(getId(), prefix, direction, description, getUpdatedAt());
    }

    String getPrefix() {
        return prefix;
    }

    Direction getDirection() {
        return direction;
    }
}
