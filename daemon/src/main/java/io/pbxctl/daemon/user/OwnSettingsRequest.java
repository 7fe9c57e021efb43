package io.pbxctl.daemon.user;

import io.pbxctl.daemon.validation.Rules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a person may change about themself: their e-mail address, call waiting and auto-answer. */
record OwnSettingsRequest(
        @Size(max = 254) @Pattern(regexp = Rules.EMAIL, message = Rules.EMAIL_MESSAGE) String email,
        @NotNull Boolean callWaiting,
        @NotNull Boolean autoAnswer) {
}
