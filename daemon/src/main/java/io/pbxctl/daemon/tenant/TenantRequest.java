package io.pbxctl.daemon.tenant;

import io.pbxctl.agi.policy.AccountCodeMode;
import io.pbxctl.agi.numbering.Country;
import io.pbxctl.daemon.validation.Rules;
import io.pbxctl.daemon.validation.SafeText;
import io.pbxctl.daemon.validation.TimeZoneId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A tenant as sent by a client. Time zone and language default from the country, the
 * account-code mode to OFF, the extension length to 3 and the recording retention to 90 days.
 */
public record TenantRequest(
        @NotBlank @Pattern(regexp = Rules.SLUG, message = Rules.SLUG_MESSAGE) String slug,
        @NotBlank @Size(max = 100) @SafeText String name,
        @Pattern(regexp = Rules.PHONE_NUMBER, message = Rules.PHONE_NUMBER_MESSAGE) String mainNumber,
        @NotNull Country country,
        @Pattern(regexp = "^[0-9]{1,4}$", message = "must be the area code in national form, such as 024 or 22") String areaCode,
        @TimeZoneId String timeZone,
        @Pattern(regexp = Rules.LANGUAGE, message = Rules.LANGUAGE_MESSAGE) String language,
        AccountCodeMode accountCodeMode,
        @Min(2) @Max(6) Integer extensionLength,
        @Min(1) @Max(3650) Integer recordingRetentionDays) {

    static final int DEFAULT_RETENTION_DAYS = 90;

    String timeZoneOrDefault() {
        if (timeZone != null) {
            return timeZone;
        }
        return country == Country.VN ? "Asia/Ho_Chi_Minh" : "Europe/Warsaw";
    }

    String languageOrDefault() {
        if (language != null) {
            return language;
        }
        return country == Country.VN ? "vi" : "pl";
    }
}
