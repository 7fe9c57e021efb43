package io.pbxctl.daemon.conference;

import io.pbxctl.daemon.crud.Filters;
import io.pbxctl.daemon.crud.References;
import io.pbxctl.daemon.crud.TenantResource;
import io.pbxctl.daemon.extension.ExtensionRepository;
import io.pbxctl.daemon.numbering.NumberingPlans;
import io.pbxctl.daemon.system.Conflict;
import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.tenant.Tenant;
import io.pbxctl.daemon.user.UserRepository;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** Conference rooms in the shared CRUD flow; a room number may not be an extension number of the tenant. */
@Component
class ConferenceRoomResource extends TenantResource<ConferenceRoom, ConferenceRoomRequest, ConferenceRoomView> {

    private final UserRepository users;
    private final ExtensionRepository extensions;
    private final NumberingPlans plans;

    ConferenceRoomResource(ConferenceRoomRepository rooms, UserRepository users, ExtensionRepository extensions, NumberingPlans plans) {
        super("conference room", rooms, ConferenceRoom::new);
        this.users = users;
        this.extensions = extensions;
        this.plans = plans;
    }

    @Override
    public void update(Tenant tenant, ConferenceRoom room, ConferenceRoomRequest request) {
        if ((request.startTime() == null) != (request.durationMinutes() == null)) {
            throw new FieldProblem(request.startTime() == null ? "startTime" : "durationMinutes", "Window",
                    "startTime and durationMinutes are given together, or both left out for a room that is always open");
        }
        plans.refuseEmergencyNumber(tenant, "number", request.number());
        References.inTenant(users, tenant.getId(), request.hostUserId(), "hostUserId", "user");
        if (extensions.existsByTenantIdAndNumber(tenant.getId(), request.number())) {
            throw new Conflict("number", "an extension of this tenant already has this number");
        }
        room.apply(request);
    }

    @Override
    public ConferenceRoomView view(ConferenceRoom room) {
        return room.view();
    }

    @Override
    public Map<String, Function<String, Specification<ConferenceRoom>>> filters() {
        return Map.of("number", Filters.equal("number"), "hostUserId", Filters.id("hostUserId", "hostUserId"),
                "description", Filters.contains("description"));
    }
}
