package io.pbxctl.daemon.numbering;

import io.pbxctl.agi.numbering.Direction;
import java.time.Instant;

/** A tenant prefix as shown to clients. */
record TenantPrefixView(Long id, String prefix, Direction direction, String description, Instant updatedAt) {
}
