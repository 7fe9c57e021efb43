package io.pbxctl.daemon.device;

import io.pbxctl.daemon.validation.Rules;
import io.pbxctl.daemon.validation.SafeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;

/**
 * A device as sent by a client. Without a secret on creation a strong one is generated; without
 * one on update the stored one is kept. A chosen secret must pass the strength rule.
 */
record DeviceRequest(
        @NotNull Long userId,
        @NotBlank @Pattern(regexp = Rules.ALIAS, message = Rules.ALIAS_MESSAGE) String sipUsername,
        String secret,
        DeviceKind kind,
        @Size(max = 255) @SafeText String description) {
}
