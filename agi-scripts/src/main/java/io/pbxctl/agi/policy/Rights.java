package io.pbxctl.agi.policy;

import io.pbxctl.agi.numbering.CallClass;
import io.pbxctl.agi.numbering.Direction;
import java.util.Set;

/** The outbound rights of one user, as the call-time decisions see them. */
public record Rights(boolean outboundEnabled, CallClass callClass, Set<Direction> closedDirections, QuotaState quota) {

    public Rights {
        closedDirections = Set.copyOf(closedDirections);
    }
}
