package io.pbxctl.agi.policy;

import io.pbxctl.agi.contract.Reason;
import java.util.Objects;

/** The outcome of a rights check: refused with a reason, or allowed with a limit (0 = none). */
public record Verdict(Reason refusal, long limitSeconds) {

    public static Verdict allow(long limitSeconds) {
        if (limitSeconds < 0) {
            throw new IllegalArgumentException("a limit is never negative");
        }
        return new Verdict(null, limitSeconds);
    }

    public static Verdict refuse(Reason reason) {
        return new Verdict(Objects.requireNonNull(reason), 0);
    }

    public boolean allowed() {
        return refusal == null;
    }
}
