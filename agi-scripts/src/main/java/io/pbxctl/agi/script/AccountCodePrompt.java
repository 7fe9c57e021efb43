package io.pbxctl.agi.script;

import io.pbxctl.agi.contract.Reason;
import io.pbxctl.agi.port.AccountCodes;
import io.pbxctl.agi.port.CodeOwner;
import io.pbxctl.agi.port.OutboundCaller;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;

/**
 * Asks the caller for an account code with GET DATA, three attempts. A wrong code counts
 * against the calling device; nothing entered is not a wrong code.
 */
final class AccountCodePrompt {

    static final int ATTEMPTS = 3;
    static final String FIRST_PROMPT = "agent-pass";
    static final String RETRY_PROMPT = "auth-incorrect";
    static final long DIGIT_TIMEOUT_MS = 6000;
    static final int MAX_DIGITS = 12;
    private static final Pattern CODE = Pattern.compile("[0-9]{4,12}");

    private final AccountCodes codes;

    AccountCodePrompt(AccountCodes codes) {
        this.codes = codes;
    }

    /** The owner of a correct code, or the refusal (null = nothing was entered). */
    record Outcome(Optional<CodeOwner> owner, Reason refusal) {
    }

    Outcome ask(AgiChannel channel, OutboundCaller caller, Instant now) throws AgiException {
        if (codes.lockedOut(caller.deviceId(), now)) {
            return new Outcome(Optional.empty(), Reason.ACCOUNT_CODE_LOCKED);
        }
        channel.answer();
        boolean wrongEntered = false;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String digits = channel.getData(wrongEntered ? RETRY_PROMPT : FIRST_PROMPT, DIGIT_TIMEOUT_MS, MAX_DIGITS);
            if (digits == null || digits.startsWith("-")) {
                break;
            }
            if (digits.isEmpty()) {
                continue;
            }
            Optional<CodeOwner> owner = CODE.matcher(digits).matches()
                    ? codes.find(caller.tenantId(), digits, now)
                    : Optional.empty();
            if (owner.isPresent()) {
                return new Outcome(owner, null);
            }
            wrongEntered = true;
            if (codes.recordFailure(caller.tenantId(), caller.deviceId(), now)) {
                return new Outcome(Optional.empty(), Reason.ACCOUNT_CODE_LOCKED);
            }
        }
        return new Outcome(Optional.empty(), wrongEntered ? Reason.ACCOUNT_CODE_INVALID : null);
    }
}
