package io.pbxctl.daemon.department;

import io.pbxctl.daemon.crud.TenantEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A group of users inside a tenant. */
@Entity
@Table(name = "department")
public class Department extends TenantEntity {

    private String name;

    protected Department() {
    }

    Department(long tenantId) {
        super(tenantId);
    }

    public String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }
}
