package io.pbxctl.daemon.accountcode;

import io.pbxctl.daemon.crud.TenantScopedRepository;
import java.util.Optional;

/** Account codes; a lookup by code is one indexed query on (tenant_id, code_hash). */
public interface AccountCodeRepository extends TenantScopedRepository<AccountCode> {

    Optional<AccountCode> findByTenantIdAndCodeHash(Long tenantId, String codeHash);
}
