package io.pbxctl.daemon.user;

import io.pbxctl.agi.numbering.CallClass;
import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.daemon.quota.QuotaView;
import io.pbxctl.daemon.security.Role;
import java.time.Instant;
import java.util.Set;

/** A user as shown to clients, with this month's quota and their web login (never its password). */
public record UserView(Long id, String name, Long departmentId, String email, String language, String description,
        String realNumber, CallClass callClass, Set<Direction> closedDirections, boolean outboundEnabled,
        boolean needsAccountCode, QuotaView quota, boolean autoAnswer, boolean callWaiting, RecordingMode recordingMode,
        String recordingEmail, Long supervisorId, Long outboundGroupId, WebLoginView webLogin, Instant updatedAt) {

    /** The login name and role of a user, if they have one. */
    public record WebLoginView(String username, Role role) {
    }
}
