package io.pbxctl.daemon.user;

import io.pbxctl.daemon.crud.TenantScopedRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Users of a tenant; every lookup by id also names the tenant. */
public interface UserRepository extends TenantScopedRepository<PbxUser> {

    /** Leaves the supervised users of a departing supervisor without one, instead of refusing the deletion. */
    @Modifying
    @Query(value = "UPDATE pbx_user SET supervisor_id = NULL WHERE tenant_id = ?1 AND supervisor_id = ?2", nativeQuery = true)
    int releaseSupervised(long tenantId, long supervisorId);
}
