package io.pbxctl.daemon.routing;

import io.pbxctl.daemon.validation.Rules;
import io.pbxctl.daemon.validation.SafeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An outbound group as sent by a client; trunkIds in failover order, each at most once. */
record OutboundGroupRequest(
        @NotBlank @Size(max = 100) @SafeText String name,
        @Pattern(regexp = Rules.PHONE_NUMBER, message = Rules.PHONE_NUMBER_MESSAGE) String callerIdNumber,
        @Size(max = 60) @SafeText String callerIdName,
        @NotNull @Size(max = 10) List<@NotNull Long> trunkIds) {
}
