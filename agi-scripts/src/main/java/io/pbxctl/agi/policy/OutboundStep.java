package io.pbxctl.agi.policy;

import io.pbxctl.agi.contract.Reason;

/**
 * What the outbound script does next: act on a verdict, or prompt for an account code (and
 * refuse with {@code withoutCode} if none is entered).
 */
public record OutboundStep(Verdict verdict, Reason withoutCode) {

    static OutboundStep decided(Verdict verdict) {
        return new OutboundStep(verdict, null);
    }

    static OutboundStep askForCode(Reason withoutCode) {
        return new OutboundStep(null, withoutCode);
    }

    public boolean needsCode() {
        return verdict == null;
    }
}
