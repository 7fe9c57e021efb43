package io.pbxctl.daemon.inbound;

import io.pbxctl.daemon.validation.Rules;
import io.pbxctl.daemon.validation.SafeText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An inbound number as sent by a client: the number as the carrier delivers it (digits only),
 * whether callers may dial an extension directly after the greeting (default yes), and the
 * default destination.
 */
record InboundNumberRequest(
        @NotBlank @Pattern(regexp = Rules.PHONE_NUMBER, message = Rules.PHONE_NUMBER_MESSAGE) String number,
        @Size(max = 255) @SafeText String description,
        Boolean directDial,
        @NotNull @Valid Destination destination) {
}
