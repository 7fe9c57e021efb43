package io.pbxctl.daemon.conference;

import io.pbxctl.daemon.crud.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A conference room; with a start time it is open only from then for its duration (tenant's time zone). */
@Entity
@Table(name = "conference_room")
public class ConferenceRoom extends TenantEntity {

    private String number;
    @Column(name = "host_user_id")
    private Long hostUserId;
    private String description;
    @Column(name = "start_time")
    private LocalDateTime startTime;
    @Column(name = "duration_minutes")
    private Integer durationMinutes;
    private String pin;

    protected ConferenceRoom() {
    }

    ConferenceRoom(long tenantId) {
        super(tenantId);
    }

    void apply(ConferenceRoomRequest request) {
        number = request.number();
        hostUserId = request.hostUserId();
        description = request.description();
        startTime = request.startTime();
        durationMinutes = request.durationMinutes();
        pin = request.pin();
    }

    ConferenceRoomView view() {
        return new ConferenceRoomView(getId(), number, hostUserId, description, startTime, durationMinutes, pin, getUpdatedAt());
    }

    public String getNumber() {
        return number;
    }
}
