package io.pbxctl.daemon.extension;

import io.pbxctl.daemon.crud.TenantScopedRepository;
import java.util.Optional;

/** Extensions, also found by number, which is how administrators and DIDs name them. */
public interface ExtensionRepository extends TenantScopedRepository<Extension> {

    boolean existsByTenantIdAndNumber(Long tenantId, String number);

    Optional<Extension> findByTenantIdAndNumber(Long tenantId, String number);
}
