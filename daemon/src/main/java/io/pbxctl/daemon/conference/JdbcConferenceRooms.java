package io.pbxctl.daemon.conference;

import io.pbxctl.agi.port.ConferenceRooms;
import io.pbxctl.agi.port.Room;
import io.pbxctl.daemon.agi.CallDatabase;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Conference rooms at call time, found by tenant slug and room number. */
@Component
class JdbcConferenceRooms implements ConferenceRooms {

    private final CallDatabase database;

    JdbcConferenceRooms(CallDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<Room> find(String tenantSlug, String number) {
        return database.jdbc().sql("SELECT r.number, r.start_time, r.duration_minutes, r.pin, r.host_user_id, t.time_zone"
                        + " FROM conference_room r JOIN tenant t ON t.id = r.tenant_id WHERE t.slug = ? AND r.number = ?")
                .params(tenantSlug, number)
                .query((rs, n) -> {
                    int duration = rs.getInt("duration_minutes");
                    Integer durationMinutes = rs.wasNull() ? null : duration;
                    long host = rs.getLong("host_user_id");
                    Long hostUserId = rs.wasNull() ? null : host;
                    return new Room(tenantSlug, rs.getString("number"), rs.getObject("start_time", LocalDateTime.class), durationMinutes,
                            ZoneId.of(rs.getString("time_zone")), rs.getString("pin"), hostUserId);
                })
                .optional();
    }

    @Override
    public Optional<Long> userOfDevice(String tenantSlug, String deviceName) {
        return database.jdbc().sql("SELECT d.user_id FROM device d JOIN tenant t ON t.id = d.tenant_id WHERE t.slug = ? AND d.sip_username = ?")
                .params(tenantSlug, deviceName)
                .query(Long.class)
                .optional();
    }
}
