package io.pbxctl.daemon.conference;

import io.pbxctl.daemon.crud.TenantScopedRepository;
import java.util.Optional;

/** Conference rooms, also found by number, which is how DIDs name them. */
public interface ConferenceRoomRepository extends TenantScopedRepository<ConferenceRoom> {

    Optional<ConferenceRoom> findByTenantIdAndNumber(Long tenantId, String number);

    boolean existsByTenantIdAndNumber(Long tenantId, String number);
}
