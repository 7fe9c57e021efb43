package io.pbxctl.agi.port;

import java.util.List;

/**
 * The user behind an extension that a supervisor wants to listen to: who calls, who is the
 * target's supervisor, and the target's device names (to find its channel).
 */
public record SpyTarget(long callerUserId, long targetUserId, Long targetSupervisorId, List<String> targetDevices) {

    public SpyTarget {
        targetDevices = List.copyOf(targetDevices);
    }
}
