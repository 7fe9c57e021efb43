package io.pbxctl.agi.script;

import io.pbxctl.agi.contract.Variables;
import io.pbxctl.agi.port.QuotaLedger;
import io.pbxctl.agi.port.Settlement;
import java.time.Clock;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;

/**
 * {@code settle,<talk seconds>}, from the hangup handler of an outbound call: charges the
 * answered leg's talk time once per call (the call is agi_uniqueid) and releases its reservation.
 */
public final class SettleScript extends PbxScript {

    public static final String NAME = "settle";

    private final QuotaLedger ledger;
    private final Clock clock;

    public SettleScript(QuotaLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    protected Answer decide(AgiRequest request, AgiChannel channel) {
        Arguments arguments = new Arguments(request);
        long talkSeconds = Long.parseLong(arguments.get(1, "talk seconds", Arguments.SECONDS));
        Settlement settlement = ledger.settle(arguments.callId(), talkSeconds, clock.instant());
        return Answer.allowed().with(Variables.SETTLEMENT, settlement);
    }
}
