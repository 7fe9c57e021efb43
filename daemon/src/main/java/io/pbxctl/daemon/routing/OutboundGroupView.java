package io.pbxctl.daemon.routing;

import java.time.Instant;
import java.util.List;

/** An outbound group as shown to clients. */
record OutboundGroupView(Long id, String name, String callerIdNumber, String callerIdName, List<Long> trunkIds, Instant updatedAt) {
}
