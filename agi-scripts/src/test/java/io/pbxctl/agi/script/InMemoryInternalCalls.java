package io.pbxctl.agi.script;

import io.pbxctl.agi.port.Callee;
import io.pbxctl.agi.port.InternalCalls;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The extensions of a few tenants. */
final class InMemoryInternalCalls implements InternalCalls {

    private final Map<String, Callee> callees = new HashMap<>();
    private RuntimeException failure;

    InMemoryInternalCalls add(String tenantSlug, String extension, Callee callee) {
        callees.put(tenantSlug + "/" + extension, callee);
        return this;
    }

    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    public Optional<Callee> find(String tenantSlug, String extension) {
        if (failure != null) {
            throw failure;
        }
        return Optional.ofNullable(callees.get(tenantSlug + "/" + extension));
    }
}
