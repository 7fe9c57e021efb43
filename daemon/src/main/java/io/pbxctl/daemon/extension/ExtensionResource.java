package io.pbxctl.daemon.extension;

import io.pbxctl.daemon.conference.ConferenceRoomRepository;
import io.pbxctl.daemon.crud.Filters;
import io.pbxctl.daemon.crud.References;
import io.pbxctl.daemon.crud.TenantResource;
import io.pbxctl.daemon.numbering.NumberingPlans;
import io.pbxctl.daemon.system.Conflict;
import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.tenant.Tenant;
import io.pbxctl.daemon.user.UserRepository;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * Extensions in the shared CRUD flow. An extension number shares the tenant's dialplan with
 * conference room numbers, so the two may not collide.
 */
@Component
class ExtensionResource extends TenantResource<Extension, ExtensionRequest, ExtensionView> {

    private final UserRepository users;
    private final ConferenceRoomRepository rooms;
    private final NumberingPlans plans;

    ExtensionResource(ExtensionRepository extensions, UserRepository users, ConferenceRoomRepository rooms, NumberingPlans plans) {
        super("extension", extensions, Extension::new);
        this.users = users;
        this.rooms = rooms;
        this.plans = plans;
    }

    @Override
    public void update(Tenant tenant, Extension extension, ExtensionRequest request) {
        if (request.number().length() != tenant.getExtensionLength()) {
            throw new FieldProblem("number", "Length", "must have " + tenant.getExtensionLength() + " digits, the extension length of this tenant");
        }
        plans.refuseEmergencyNumber(tenant, "number", request.number());
        References.inTenant(users, tenant.getId(), request.userId(), "userId", "user");
        if (rooms.existsByTenantIdAndNumber(tenant.getId(), request.number())) {
            throw new Conflict("number", "a conference room of this tenant already has this number");
        }
        extension.apply(request);
    }

    @Override
    public ExtensionView view(Extension extension) {
        return new ExtensionView(extension.getId(), extension.getUserId(), extension.getNumber(), extension.getUpdatedAt());
    }

    @Override
    public Map<String, Function<String, Specification<Extension>>> filters() {
        return Map.of("userId", Filters.id("userId", "userId"), "number", Filters.equal("number"));
    }
}
