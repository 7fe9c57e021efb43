package io.pbxctl.agi.port;

import io.pbxctl.agi.policy.Rights;
import java.time.LocalDate;

/**
 * A user whose rights and quota a call uses: the caller, or the owner of the account code the
 * caller entered. The quota period is the month the call starts in (tenant's time zone).
 */
public record Party(long userId, Rights rights, Integer monthlyQuotaMinutes, LocalDate period, Route route) {
}
