package io.pbxctl.daemon.extension;

import io.pbxctl.daemon.validation.Rules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** An extension as sent by a client; its length must also be the tenant's extension length. */
record ExtensionRequest(
        @NotNull Long userId,
        @NotBlank @Pattern(regexp = Rules.EXTENSION, message = Rules.EXTENSION_MESSAGE) String number) {
}
