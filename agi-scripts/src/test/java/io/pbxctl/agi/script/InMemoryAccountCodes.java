package io.pbxctl.agi.script;

import io.pbxctl.agi.port.AccountCodes;
import io.pbxctl.agi.port.CodeOwner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Account codes of a few tenants; a device is locked out once it reaches {@code lockoutAfter} wrong codes. */
final class InMemoryAccountCodes implements AccountCodes {

    final List<String> lookups = new ArrayList<>();
    private final Map<String, CodeOwner> owners = new HashMap<>();
    private final Map<Long, Integer> failures = new HashMap<>();
    private final int lockoutAfter;

    InMemoryAccountCodes(int lockoutAfter) {
        this.lockoutAfter = lockoutAfter;
    }

    InMemoryAccountCodes add(long tenantId, String digits, CodeOwner owner) {
        owners.put(tenantId + "/" + digits, owner);
        return this;
    }

    /** Wrong codes the device entered before this call. */
    InMemoryAccountCodes failedBefore(long deviceId, int count) {
        failures.put(deviceId, count);
        return this;
    }

    int failures(long deviceId) {
        return failures.getOrDefault(deviceId, 0);
    }

    @Override
    public Optional<CodeOwner> find(long tenantId, String digits, Instant now) {
        lookups.add(tenantId + "/" + digits);
        return Optional.ofNullable(owners.get(tenantId + "/" + digits));
    }

    @Override
    public boolean lockedOut(long deviceId, Instant now) {
        return failures(deviceId) >= lockoutAfter;
    }

    @Override
    public boolean recordFailure(long tenantId, long deviceId, Instant now) {
        int count = failures.merge(deviceId, 1, Integer::sum);
        return count == lockoutAfter;
    }
}
