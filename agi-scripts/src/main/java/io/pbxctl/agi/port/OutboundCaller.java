package io.pbxctl.agi.port;

import io.pbxctl.agi.numbering.NumberingPlan;
import io.pbxctl.agi.policy.AccountCodeMode;

/** Everything the outbound decision needs about the calling device, its user and tenant. */
public record OutboundCaller(long tenantId, String tenantSlug, long deviceId, AccountCodeMode mode, boolean needsCode,
        Party party, NumberingPlan plan) {
}
