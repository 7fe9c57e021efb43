package io.pbxctl.agi.port;

import java.time.Instant;
import java.util.Optional;

/** Account codes and the per-device count of wrong ones (port implemented by the daemon). */
public interface AccountCodes {

    /** The owner of a code of this tenant, with rights and quota as of {@code now}. */
    Optional<CodeOwner> find(long tenantId, String digits, Instant now);

    /** Whether the device may not enter codes now. */
    boolean lockedOut(long deviceId, Instant now);

    /** Counts a wrong code; returns true when this failure locked the device out. */
    boolean recordFailure(long tenantId, long deviceId, Instant now);
}
