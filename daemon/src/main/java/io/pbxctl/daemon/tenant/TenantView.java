package io.pbxctl.daemon.tenant;

import io.pbxctl.agi.policy.AccountCodeMode;
import io.pbxctl.agi.numbering.Country;
import java.time.Instant;

/** A tenant as shown to clients. */
public record TenantView(Long id, String slug, String name, String mainNumber, Country country, String areaCode, String timeZone,
        String language, AccountCodeMode accountCodeMode, int extensionLength, int recordingRetentionDays,
        Instant createdAt, Instant updatedAt) {
}
