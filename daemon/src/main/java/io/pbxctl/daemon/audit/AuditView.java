package io.pbxctl.daemon.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An audit entry as shown to clients, with before and after as JSON objects. */
record AuditView(Long id, Instant at, String actor, Long tenantId, String action, String entityType, Long entityId, JsonNode before,
        JsonNode after) {
}
