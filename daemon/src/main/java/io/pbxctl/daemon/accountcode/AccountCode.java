package io.pbxctl.daemon.accountcode;

import io.pbxctl.daemon.crud.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

/** A personal account code, stored only as its keyed hash. */
@Entity
@Table(name = "account_code")
public class AccountCode extends TenantEntity {

    @Column(name = "user_id")
    private Long userId;
    @Column(name = "code_hash")
    private String codeHash;
    private String label;
    /** A code the server generated in this request, shown once in the response and never stored in clear. */
    @Transient
    private String issuedCode;

    protected AccountCode() {
    }

    AccountCode(long tenantId) {
        super(tenantId);
    }

    void setOwner(Long userId, String label) {
        this.userId = userId;
        this.label = label;
    }

    void setCode(String codeHash, String issuedCode) {
        this.codeHash = codeHash;
        this.issuedCode = issuedCode;
    }

    public Long getUserId() {
        return userId;
    }

    public String getLabel() {
        return label;
    }

    String getIssuedCode() {
        return issuedCode;
    }
}
