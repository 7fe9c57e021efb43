package io.pbxctl.agi.script;

import io.pbxctl.agi.port.ConferenceRooms;
import io.pbxctl.agi.port.Room;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Rooms and device owners of a few tenants. */
final class InMemoryConferenceRooms implements ConferenceRooms {

    private final Map<String, Room> rooms = new HashMap<>();
    private final Map<String, Long> deviceUsers = new HashMap<>();
    private RuntimeException failure;

    InMemoryConferenceRooms add(Room room) {
        rooms.put(room.tenantSlug() + "/" + room.number(), room);
        return this;
    }

    InMemoryConferenceRooms device(String tenantSlug, String deviceName, long userId) {
        deviceUsers.put(tenantSlug + "/" + deviceName, userId);
        return this;
    }

    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    public Optional<Room> find(String tenantSlug, String number) {
        if (failure != null) {
            throw failure;
        }
        return Optional.ofNullable(rooms.get(tenantSlug + "/" + number));
    }

    @Override
    public Optional<Long> userOfDevice(String tenantSlug, String deviceName) {
        return Optional.ofNullable(deviceUsers.get(tenantSlug + "/" + deviceName));
    }
}
