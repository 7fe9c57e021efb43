package io.pbxctl.daemon.accountcode;

import io.pbxctl.daemon.validation.Rules;
import io.pbxctl.daemon.validation.SafeText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An account code as sent by a client. Without a code on creation the server generates an
 * 8-digit one and returns it once; on update a code replaces the old one, none keeps it.
 * The label (default: the owner's name) is what call history shows.
 */
record AccountCodeRequest(
        @NotNull Long userId,
        @Pattern(regexp = Rules.ACCOUNT_CODE, message = Rules.ACCOUNT_CODE_MESSAGE) String code,
        @Size(max = 100) @SafeText String label) {
}
