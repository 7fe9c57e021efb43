package io.pbxctl.daemon.security;

import io.pbxctl.daemon.validation.Rules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A user's web login as sent by a tenant admin; the password may be left out to keep the current one. */
record LoginRequest(
        @NotBlank @Pattern(regexp = Rules.USERNAME, message = Rules.USERNAME_MESSAGE) String username,
        String password,
        @NotNull Role role) {
}
