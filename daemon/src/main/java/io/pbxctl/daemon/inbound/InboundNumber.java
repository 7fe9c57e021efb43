package io.pbxctl.daemon.inbound;

import io.pbxctl.daemon.crud.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A public number (DID) of a tenant and its default destination. */
@Entity
@Table(name = "inbound_number")
public class InboundNumber extends TenantEntity {

    private String number;
    private String description;
    @Column(name = "direct_dial")
    private boolean directDial;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "destination_type")
    private DestinationType destinationType;
    @Column(name = "destination_extension_id")
    private Long destinationExtensionId;
    @Column(name = "destination_room_id")
    private Long destinationRoomId;

    protected InboundNumber() {
    }

    InboundNumber(long tenantId) {
        super(tenantId);
    }

    void apply(InboundNumberRequest request, Long extensionId, Long roomId) {
        number = request.number();
        description = request.description();
        directDial = request.directDial() == null || request.directDial();
        destinationType = request.destination().type();
        destinationExtensionId = extensionId;
        destinationRoomId = roomId;
    }

    public String getNumber() {
        return number;
    }

    public String getDescription() {
        return description;
    }

    public boolean isDirectDial() {
        return directDial;
    }

    public DestinationType getDestinationType() {
        return destinationType;
    }

    public Long getDestinationExtensionId() {
        return destinationExtensionId;
    }

    public Long getDestinationRoomId() {
        return destinationRoomId;
    }
}
