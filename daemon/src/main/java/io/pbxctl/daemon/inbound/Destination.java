package io.pbxctl.daemon.inbound;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A destination named the way an administrator knows it: by type and by its number in the tenant. */
record Destination(
        @NotNull DestinationType type,
        @NotBlank @Pattern(regexp = "^[0-9]{2,12}$", message = "must be the extension or room number, 2 to 12 digits") String number) {
}
