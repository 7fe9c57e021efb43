package io.pbxctl.agi.script;

import io.pbxctl.agi.port.SpyTarget;
import io.pbxctl.agi.port.Supervision;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Who calls from which device and who is behind which extension, per tenant. */
final class InMemorySupervision implements Supervision {

    private final Map<String, SpyTarget> targets = new HashMap<>();
    private RuntimeException failure;

    InMemorySupervision add(String tenantSlug, String callerDevice, String extension, SpyTarget target) {
        targets.put(tenantSlug + "/" + callerDevice + "/" + extension, target);
        return this;
    }

    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    public Optional<SpyTarget> find(String tenantSlug, String callerDevice, String extension) {
        if (failure != null) {
            throw failure;
        }
        return Optional.ofNullable(targets.get(tenantSlug + "/" + callerDevice + "/" + extension));
    }
}
