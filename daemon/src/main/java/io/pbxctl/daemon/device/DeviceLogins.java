package io.pbxctl.daemon.device;

import io.pbxctl.daemon.audit.AuditLog;
import io.pbxctl.daemon.secrets.SecretBox;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.system.NotFound;
import io.pbxctl.daemon.system.PbxProperties;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shows a device's login details to its owner or their admins. The reveal and its audit entry
 * commit together: a password is never shown without a trace.
 */
@Service
class DeviceLogins {

    private final DeviceRepository devices;
    private final SecretBox box;
    private final Access access;
    private final AuditLog audit;
    private final PbxProperties.Sip sip;

    DeviceLogins(DeviceRepository devices, SecretBox box, Access access, AuditLog audit, PbxProperties properties) {
        this.devices = devices;
        this.box = box;
        this.access = access;
        this.audit = audit;
        this.sip = properties.sip();
    }

    @Transactional
    DeviceLoginDetails reveal(long tenantId, long deviceId) {
        access.requireMember(tenantId);
        Device device = devices.findByIdAndTenantId(deviceId, tenantId).orElseThrow(() -> new NotFound("device", deviceId));
        access.requireSelfOrTenantAdmin(tenantId, device.getUserId());
        boolean browser = device.getKind() == DeviceKind.WEBRTC;
        DeviceLoginDetails details = new DeviceLoginDetails(device.getSipUsername(), box.open(device.getSecretEncrypted()),
                sip.publicHost(), browser ? sip.wssPort() : sip.udpPort(), browser ? "WSS" : "UDP");
        audit.revealed(tenantId, "device", deviceId, Map.of("sipUsername", device.getSipUsername(), "password", "***"));
        return details;
    }
}
