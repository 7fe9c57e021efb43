package io.pbxctl.agi.script;

import io.pbxctl.agi.contract.AsteriskNames;
import io.pbxctl.agi.contract.Reason;
import io.pbxctl.agi.contract.Variables;
import io.pbxctl.agi.numbering.Direction;
import io.pbxctl.agi.numbering.NumberingPlan.Classification;
import io.pbxctl.agi.policy.OutboundDecision;
import io.pbxctl.agi.policy.OutboundStep;
import io.pbxctl.agi.policy.RightsDecision;
import io.pbxctl.agi.policy.Verdict;
import io.pbxctl.agi.port.AccountCodes;
import io.pbxctl.agi.port.CodeOwner;
import io.pbxctl.agi.port.OutboundCaller;
import io.pbxctl.agi.port.OutboundCallers;
import io.pbxctl.agi.port.Party;
import io.pbxctl.agi.port.QuotaLedger;
import io.pbxctl.agi.port.Reservation;
import io.pbxctl.agi.port.Route;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;

/**
 * {@code outbound,<tenant>,<device>,<number>}: may this device call this number, over which
 * trunks, with which caller ID and for how long? Prompts for an account code when one is needed.
 */
public final class OutboundScript extends PbxScript {

    public static final String NAME = "outbound";

    private final OutboundCallers callers;
    private final AccountCodePrompt codePrompt;
    private final QuotaLedger ledger;
    private final Clock clock;
    private final long minimumSeconds;

    public OutboundScript(OutboundCallers callers, AccountCodes codes, QuotaLedger ledger, Clock clock, long minimumSeconds) {
        this.callers = callers;
        this.codePrompt = new AccountCodePrompt(codes);
        this.ledger = ledger;
        this.clock = clock;
        this.minimumSeconds = minimumSeconds;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    protected Answer decide(AgiRequest request, AgiChannel channel) throws AgiException {
        Arguments arguments = new Arguments(request);
        String tenant = arguments.get(1, "tenant", Arguments.TENANT);
        String device = arguments.get(2, "device", Arguments.DEVICE);
        String dialled = arguments.get(3, "number", Arguments.DIALLED);
        String callId = arguments.callId();
        Instant now = clock.instant();

        Optional<OutboundCaller> found = callers.find(tenant, device, now);
        if (found.isEmpty()) {
            return Answer.refused(Reason.NOT_FOUND);
        }
        OutboundCaller caller = found.get();
        Optional<Classification> classified = caller.plan().classify(dialled);
        if (classified.isEmpty()) {
            return refusal(Reason.NO_ROUTE, null, dialled);
        }
        Direction direction = classified.get().direction();
        String number = classified.get().normalised();

        Party party = caller.party();
        String label = "";
        OutboundStep step = OutboundDecision.decide(caller.mode(), caller.needsCode(), party.rights(), direction, minimumSeconds);
        Verdict verdict = step.verdict();
        if (step.needsCode()) {
            AccountCodePrompt.Outcome entered = codePrompt.ask(channel, caller, now);
            if (entered.owner().isEmpty()) {
                Reason reason = entered.refusal() != null ? entered.refusal() : step.withoutCode();
                return refusal(reason, direction, number);
            }
            CodeOwner owner = entered.owner().get();
            party = owner.party();
            label = owner.label();
            verdict = RightsDecision.check(party.rights(), direction, minimumSeconds);
        }
        if (!verdict.allowed()) {
            return refusal(verdict.refusal(), direction, number);
        }

        Route route = caller.party().route().isEmpty() ? party.route() : caller.party().route();
        if (route.isEmpty()) {
            return refusal(Reason.NO_ROUTE, direction, number);
        }
        long limitSeconds = 0;
        if (direction != Direction.EMERGENCY) {
            Reservation reservation = ledger.reserve(callId, party, minimumSeconds, now);
            if (!reservation.granted()) {
                return refusal(Reason.QUOTA_EXHAUSTED, direction, number);
            }
            limitSeconds = reservation.limitSeconds();
        }
        return allowed(caller.tenantSlug(), route, direction, number, limitSeconds, label);
    }

    private static Answer allowed(String tenant, Route route, Direction direction, String number, long limitSeconds, String label) {
        List<String> trunks = route.trunkNames();
        Answer answer = Answer.allowed()
                .with(Variables.DIRECTION, direction)
                .with(Variables.NUMBER, number)
                .with(Variables.TRUNK_COUNT, trunks.size());
        for (int i = 0; i < trunks.size(); i++) {
            answer.with(Variables.TRUNK_PREFIX + (i + 1), AsteriskNames.trunkDial(tenant, trunks.get(i), number));
        }
        return answer
                .with(Variables.CALLER_ID_NUMBER, route.callerIdNumber())
                .with(Variables.CALLER_ID_NAME, route.callerIdName())
                .with(Variables.LIMIT_MS, limitSeconds * 1000)
                .with(Variables.ACCOUNT_LABEL, label);
    }

    private static Answer refusal(Reason reason, Direction direction, String number) {
        return Answer.refused(reason)
                .with(Variables.DIRECTION, direction)
                .with(Variables.NUMBER, number)
                .with(Variables.TRUNK_COUNT, 0)
                .with(Variables.LIMIT_MS, 0)
                .with(Variables.ACCOUNT_LABEL, "");
    }
}
