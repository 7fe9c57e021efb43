package io.pbxctl.daemon.numbering;

import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.daemon.validation.Rules;
import io.pbxctl.daemon.validation.SafeText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A tenant prefix as sent by a client, in national dialling form (as the plan is written). */
record TenantPrefixRequest(
        @NotBlank @Pattern(regexp = Rules.PREFIX, message = Rules.PREFIX_MESSAGE) String prefix,
        @NotNull Direction direction,
        @Size(max = 100) @SafeText String description) {
}
