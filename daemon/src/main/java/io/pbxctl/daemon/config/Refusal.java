package io.pbxctl.daemon.config;

import io.pbxctl.agi.contract.Reason;
import java.util.Arrays;
import java.util.List;

/**
 * How the dialplan tells a caller why a call was refused: a stock Asterisk announcement (played
 * as early media, so nothing is answered or billed) and a SIP response code of its own, or, when
 * the channel was already answered (an account-code or PIN prompt), a Q.850 cause. Every
 * {@link Reason} has exactly one entry; docs/config-generation.md lists them.
 */
public record Refusal(Reason reason, String announcement, int sipCode, int cause) {

    public static List<Refusal> all() {
        return Arrays.stream(Reason.values()).map(Refusal::of).toList();
    }

    public static Refusal of(Reason reason) {
        return switch (reason) {
            case CLASS -> new Refusal(reason, "feature-not-avail-line", 403, 57);
            case DIRECTION_CLOSED -> new Refusal(reason, "ss-noservice", 603, 21);
            case OUTBOUND_DISABLED -> new Refusal(reason, "im-sorry&de-activated", 608, 50);
            case QUOTA_EXHAUSTED -> new Refusal(reason, "please-try-call-later", 402, 63);
            case ACCOUNT_CODE_REQUIRED -> new Refusal(reason, "vm-password", 421, 87);
            case ACCOUNT_CODE_INVALID -> new Refusal(reason, "vm-invalid-password", 606, 88);
            case ACCOUNT_CODE_LOCKED -> new Refusal(reason, "vm-incorrect&please-try-call-later", 423, 49);
            case NO_ROUTE -> new Refusal(reason, "cannot-complete-as-dialed", 404, 3);
            case INVALID_REQUEST -> new Refusal(reason, "check-number-dial-again", 400, 28);
            case NOT_FOUND -> new Refusal(reason, "pbx-invalid", 604, 1);
            case OUTSIDE_WINDOW -> new Refusal(reason, "conf-locked", 480, 20);
            case PIN_INVALID -> new Refusal(reason, "conf-invalidpin", 488, 81);
            case NOT_SUPERVISOR -> new Refusal(reason, "beeperr", 405, 52);
            case TARGET_IDLE -> new Refusal(reason, "vm-nobodyavail", 410, 18);
            case UNAVAILABLE -> new Refusal(reason, "all-circuits-busy-now", 503, 41);
        };
    }
}
