package io.pbxctl.daemon.crud;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.NoRepositoryBean;

/** Repository of objects inside a tenant: every lookup by id also names the tenant. */
@NoRepositoryBean
public interface TenantScopedRepository<E extends TenantEntity> extends JpaRepository<E, Long>, JpaSpecificationExecutor<E> {

    Optional<E> findByIdAndTenantId(Long id, Long tenantId);

    boolean existsByIdAndTenantId(Long id, Long tenantId);
}
