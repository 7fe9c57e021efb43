package io.pbxctl.daemon.routing;

import io.pbxctl.daemon.validation.Rules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A trunk as sent by a client. The secret is the carrier's, so no strength rule applies, but it
 * must be printable ASCII without characters that could break a configuration line. Leaving it
 * out on update keeps the stored one.
 */
record TrunkRequest(
        @NotBlank @Pattern(regexp = Rules.ALIAS, message = Rules.ALIAS_MESSAGE) String name,
        @NotBlank @Pattern(regexp = Rules.HOST, message = Rules.HOST_MESSAGE) String host,
        @Min(1) @Max(65535) Integer port,
        TrunkTransport transport,
        Boolean registration,
        @Pattern(regexp = Rules.CARRIER_USERNAME, message = Rules.CARRIER_USERNAME_MESSAGE) String username,
        @Pattern(regexp = Rules.CARRIER_SECRET, message = Rules.CARRIER_SECRET_MESSAGE) String secret) {
}
