package io.pbxctl.daemon.device;

import io.pbxctl.daemon.crud.TenantCrud;
import io.pbxctl.daemon.crud.TenantCrudController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/tenants/{tenantId}/devices; filters: userId, sipUsername, kind. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/devices")
@Tag(name = "Devices")
class DeviceController extends TenantCrudController<Device, DeviceRequest, DeviceView> {

    private final DeviceLogins logins;

    DeviceController(TenantCrud crud, DeviceResource resource, DeviceLogins logins) {
        super(crud, resource);
        this.logins = logins;
    }

    @PostMapping("/{id}/login-details")
    @Operation(summary = "Reveal what a phone needs to log in, password included; every reveal is audited",
            description = "POST rather than GET so that no cache, proxy log or link prefetch keeps the password.")
    DeviceLoginDetails loginDetails(@PathVariable long tenantId, @PathVariable long id) {
        return logins.reveal(tenantId, id);
    }
}
