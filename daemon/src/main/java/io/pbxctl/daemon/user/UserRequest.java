package io.pbxctl.daemon.user;

import io.pbxctl.agi.numbering.CallClass;
import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.daemon.validation.Rules;
import io.pbxctl.daemon.validation.SafeText;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A user as sent by a client. Left out: language from the tenant, call class NATIONAL
 * (international must be granted explicitly: it is where toll fraud costs most), outbound on,
 * call waiting on, no quota (unlimited), recording off.
 */
public record UserRequest(
        @NotBlank @Size(max = 100) @SafeText String name,
        Long departmentId,
        @Size(max = 254) @Pattern(regexp = Rules.EMAIL, message = Rules.EMAIL_MESSAGE) String email,
        @Pattern(regexp = Rules.LANGUAGE, message = Rules.LANGUAGE_MESSAGE) String language,
        @Size(max = 255) @SafeText String description,
        @Pattern(regexp = Rules.PHONE_NUMBER, message = Rules.PHONE_NUMBER_MESSAGE) String realNumber,
        CallClass callClass,
        Set<Direction> closedDirections,
        Boolean outboundEnabled,
        Boolean needsAccountCode,
        @Min(0) Integer monthlyQuotaMinutes,
        Boolean autoAnswer,
        Boolean callWaiting,
        RecordingMode recordingMode,
        @Size(max = 254) @Pattern(regexp = Rules.EMAIL, message = Rules.EMAIL_MESSAGE) String recordingEmail,
        Long supervisorId,
        Long outboundGroupId) {
}
