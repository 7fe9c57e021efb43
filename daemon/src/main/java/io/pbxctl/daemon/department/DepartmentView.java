package io.pbxctl.daemon.department;

import java.time.Instant;

/** A department as shown to clients. */
record DepartmentView(Long id, String name, Instant updatedAt) {
}
