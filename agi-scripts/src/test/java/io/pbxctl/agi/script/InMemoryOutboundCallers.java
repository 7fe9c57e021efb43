package io.pbxctl.agi.script;

import io.pbxctl.agi.port.OutboundCaller;
import io.pbxctl.agi.port.OutboundCallers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The devices of a few tenants; records every look-up and can be made to fail like a lost database. */
final class InMemoryOutboundCallers implements OutboundCallers {

    final List<String> lookups = new ArrayList<>();
    private final Map<String, OutboundCaller> callers = new HashMap<>();
    private RuntimeException failure;

    InMemoryOutboundCallers add(String tenantSlug, String deviceName, OutboundCaller caller) {
        callers.put(tenantSlug + "/" + deviceName, caller);
        return this;
    }

    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    public Optional<OutboundCaller> find(String tenantSlug, String deviceName, Instant now) {
        lookups.add(tenantSlug + "/" + deviceName + " at " + now);
        if (failure != null) {
            throw failure;
        }
        return Optional.ofNullable(callers.get(tenantSlug + "/" + deviceName));
    }
}
