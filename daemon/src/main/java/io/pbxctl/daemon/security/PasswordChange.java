package io.pbxctl.daemon.security;

import jakarta.validation.constraints.NotBlank;

/** A logged-in person changing their own password. */
record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
}
