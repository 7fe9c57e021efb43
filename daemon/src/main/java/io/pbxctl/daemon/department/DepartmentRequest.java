package io.pbxctl.daemon.department;

import io.pbxctl.daemon.validation.SafeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A department as sent by a client. */
record DepartmentRequest(@NotBlank @Size(max = 100) @SafeText String name) {
}
