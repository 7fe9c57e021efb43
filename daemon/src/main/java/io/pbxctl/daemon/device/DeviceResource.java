package io.pbxctl.daemon.device;

import io.pbxctl.daemon.crud.Filters;
import io.pbxctl.daemon.crud.References;
import io.pbxctl.daemon.crud.TenantResource;
import io.pbxctl.daemon.secrets.SecretBox;
import io.pbxctl.daemon.secrets.SecretPolicy;
import io.pbxctl.daemon.tenant.Tenant;
import io.pbxctl.daemon.user.UserRepository;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/** Devices in the shared CRUD flow: secrets generated or checked, then sealed. */
@Component
class DeviceResource extends TenantResource<Device, DeviceRequest, DeviceView> {

    private final UserRepository users;
    private final SecretBox box;

    DeviceResource(DeviceRepository devices, UserRepository users, SecretBox box) {
        super("device", devices, Device::new);
        this.users = users;
        this.box = box;
    }

    @Override
    public Device create(Tenant tenant, DeviceRequest request) {
        Device device = super.create(tenant, request);
        if (request.secret() == null) {
            device.setSecretEncrypted(box.seal(SecretPolicy.generate()));
        }
        return device;
    }

    @Override
    public void update(Tenant tenant, Device device, DeviceRequest request) {
        References.inTenant(users, tenant.getId(), request.userId(), "userId", "user");
        if (request.secret() != null) {
            SecretPolicy.requireStrong("secret", request.secret(), request.sipUsername());
            device.setSecretEncrypted(box.seal(request.secret()));
        }
        device.apply(request);
    }

    @Override
    public DeviceView view(Device device) {
        return new DeviceView(device.getId(), device.getUserId(), device.getSipUsername(), device.getKind(), device.getDescription(),
                device.getUpdatedAt());
    }

    @Override
    public Map<String, Function<String, Specification<Device>>> filters() {
        return Map.of("userId", Filters.id("userId", "userId"), "sipUsername", Filters.contains("sipUsername"),
                "kind", Filters.equal("kind"));
    }
}
