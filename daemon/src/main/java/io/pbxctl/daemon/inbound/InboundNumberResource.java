package io.pbxctl.daemon.inbound;

import io.pbxctl.daemon.conference.ConferenceRoom;
import io.pbxctl.daemon.conference.ConferenceRoomRepository;
import io.pbxctl.daemon.crud.Filters;
import io.pbxctl.daemon.crud.TenantResource;
import io.pbxctl.daemon.extension.Extension;
import io.pbxctl.daemon.extension.ExtensionRepository;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.system.Forbidden;
import io.pbxctl.daemon.tenant.Tenant;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** Inbound numbers in the shared CRUD flow; the destination is resolved by number inside the tenant. */
@Component
class InboundNumberResource extends TenantResource<InboundNumber, InboundNumberRequest, InboundNumberView> {

    private final ExtensionRepository extensions;
    private final ConferenceRoomRepository rooms;
    private final Access access;

    InboundNumberResource(InboundNumberRepository numbers, ExtensionRepository extensions, ConferenceRoomRepository rooms, Access access) {
        super("inbound number", numbers, InboundNumber::new);
        this.extensions = extensions;
        this.rooms = rooms;
        this.access = access;
    }

    /**
     * A number reaches the tenant that holds it, so only the operator assigns, changes or releases
     * numbers; otherwise one tenant could claim another's number and receive its calls. The
     * tenant's admins route their numbers.
     */
    @Override
    public void update(Tenant tenant, InboundNumber number, InboundNumberRequest request) {
        Destination destination = request.destination();
        if (destination.type() == DestinationType.EXTENSION) {
            Extension extension = extensions.findByTenantIdAndNumber(tenant.getId(), destination.number())
                    .orElseThrow(() -> new FieldProblem("destination.number", "Exists", "no extension " + destination.number() + " in this tenant"));
            assign(number, request);
            number.apply(request, extension.getId(), null);
        } else {
            ConferenceRoom room = rooms.findByTenantIdAndNumber(tenant.getId(), destination.number())
                    .orElseThrow(() -> new FieldProblem("destination.number", "Exists", "no conference room " + destination.number() + " in this tenant"));
            assign(number, request);
            number.apply(request, null, room.getId());
        }
    }

    private void assign(InboundNumber number, InboundNumberRequest request) {
        if (number.getId() == null || !request.number().equals(number.getNumber())) {
            requireOperator();
        }
    }

    @Override
    public InboundNumberView view(InboundNumber number) {
        String target = number.getDestinationType() == DestinationType.EXTENSION
                ? extensions.findById(number.getDestinationExtensionId()).map(Extension::getNumber).orElseThrow()
                : rooms.findById(number.getDestinationRoomId()).map(ConferenceRoom::getNumber).orElseThrow();
        return new InboundNumberView(number.getId(), number.getNumber(), number.getDescription(), number.isDirectDial(),
                new Destination(number.getDestinationType(), target), number.getUpdatedAt());
    }

    @Override
    public void beforeDelete(InboundNumber number) {
        requireOperator();
    }

    private void requireOperator() {
        if (!access.caller().isOperator()) {
            throw new Forbidden("only the operator assigns, changes and releases inbound numbers; "
                    + "tenant admins set their destination");
        }
    }

    @Override
    public Map<String, Function<String, Specification<InboundNumber>>> filters() {
        return Map.of("number", Filters.contains("number"), "destinationType", Filters.equal("destinationType"));
    }
}
