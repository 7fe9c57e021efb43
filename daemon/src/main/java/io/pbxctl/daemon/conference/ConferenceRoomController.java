package io.pbxctl.daemon.conference;

import io.pbxctl.daemon.crud.TenantCrud;
import io.pbxctl.daemon.crud.TenantCrudController;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/tenants/{tenantId}/conference-rooms; filters: number, hostUserId, description. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/conference-rooms")
@Tag(name = "Conference rooms")
class ConferenceRoomController extends TenantCrudController<ConferenceRoom, ConferenceRoomRequest, ConferenceRoomView> {

    ConferenceRoomController(TenantCrud crud, ConferenceRoomResource resource) {
        super(crud, resource);
    }
}
