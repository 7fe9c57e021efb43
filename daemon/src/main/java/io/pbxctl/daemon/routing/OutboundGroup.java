package io.pbxctl.daemon.routing;

import io.pbxctl.daemon.crud.TenantEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** The trunks, in failover order, and the caller ID of outbound calls of the users in it. */
@Entity
@Table(name = "outbound_group")
public class OutboundGroup extends TenantEntity {

    private String name;
    @Column(name = "caller_id_number")
    private String callerIdNumber;
    @Column(name = "caller_id_name")
    private String callerIdName;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "outbound_group_trunk", joinColumns = @JoinColumn(name = "outbound_group_id"))
    @OrderColumn(name = "position")
    private List<GroupTrunk> trunks = new ArrayList<>();

    protected OutboundGroup() {
    }

    OutboundGroup(long tenantId) {
        super(tenantId);
    }

    void apply(OutboundGroupRequest request) {
        name = request.name();
        callerIdNumber = request.callerIdNumber();
        callerIdName = request.callerIdName();
        trunks.clear();
        request.trunkIds().forEach(trunkId -> trunks.add(new GroupTrunk(getTenantId(), trunkId)));
    }

    OutboundGroupView view() {
        return new OutboundGroupView(getId(), name, callerIdNumber, callerIdName, trunks.stream().map(GroupTrunk::getTrunkId).toList(),
                getUpdatedAt());
    }
}
