package io.pbxctl.daemon.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One trunk of an outbound group; the tenant column lets the database check both belong to one tenant. */
@Embeddable
public class GroupTrunk {

    @Column(name = "tenant_id")
    private Long tenantId;
    @Column(name = "trunk_id")
    private Long trunkId;

    protected GroupTrunk() {
    }

    GroupTrunk(Long tenantId, Long trunkId) {
        this.tenantId = tenantId;
        this.trunkId = trunkId;
    }

    public Long getTrunkId() {
        return trunkId;
    }
}
