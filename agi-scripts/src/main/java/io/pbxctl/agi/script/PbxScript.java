package io.pbxctl.agi.script;

import io.pbxctl.agi.contract.Reason;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.NamedAgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A FastAGI script of ours: decides, then sets its variables. Every failure becomes one
 * dialplan outcome here: malformed input is refused as INVALID_REQUEST and anything else as
 * UNAVAILABLE (fail closed), without a stack trace reaching Asterisk.
 */
public abstract class PbxScript implements AgiScript, NamedAgiScript {

    private static final Logger log = LoggerFactory.getLogger(PbxScript.class);

    /** The name in the AGI URL (agi://host/NAME): the contract with the dialplan. */
    @Override
    public abstract String getName();

    /** Decides; may talk to the channel (prompts) before returning the variables to set. */
    protected abstract Answer decide(AgiRequest request, AgiChannel channel) throws AgiException;

    @Override
    public final void service(AgiRequest request, AgiChannel channel) throws AgiException {
        Answer answer;
        try {
            answer = decide(request, channel);
        } catch (BadRequest e) {
            log.warn("{}: refused a malformed request from {}: {}", getName(), request.getRemoteAddress(), e.getMessage());
            answer = Answer.refused(Reason.INVALID_REQUEST);
        } catch (AgiHangupException e) {
            log.debug("{}: caller hung up during the request", getName());
            answer = Answer.refused(Reason.UNAVAILABLE);
        } catch (AgiException | RuntimeException e) {
            log.error("{}: failed, refusing the call (fail closed)", getName(), e);
            answer = Answer.refused(Reason.UNAVAILABLE);
        }
        answer.applyTo(channel);
    }
}
